import "server-only";
import type { z } from "zod";
import {
  ZAgentCardV03Schema,
  ZAgentCardV1Schema,
  type AgentCardV03,
  type AgentCardV1,
  type CardSkillInput,
} from "./card-schemas";
import { formatIssue } from "./format-issues";

export interface NormalizedSkill {
  id: string;
  name: string;
  description: string;
  tags: string[];
  examples: string[];
  /** The skill's own modes, or the card's defaults when it has none. */
  inputModes: string[];
  outputModes: string[];
}

/** One shape for v1.0 and 0.3 cards: what the registry and the gateway need. */
export interface NormalizedCard {
  cardFormat: "1.0" | "0.3";
  name: string;
  description: string;
  version: string;
  /** The JSON-RPC URL Bureau calls. */
  endpointUrl: string;
  /** A2A protocol version spoken at endpointUrl ("1.0", "0.3", …). */
  endpointProtocolVersion: string;
  interfaces: { url: string; binding: string; protocolVersion: string | null }[];
  provider: { organization: string; url: string | null } | null;
  documentationUrl: string | null;
  iconUrl: string | null;
  streaming: boolean;
  pushNotifications: boolean;
  defaultInputModes: string[];
  defaultOutputModes: string[];
  skills: NormalizedSkill[];
}

export type ParseCardResult = { ok: true; card: NormalizedCard; raw: unknown } | { ok: false; errors: string[] };

const isJsonRpc = (binding: string) => binding.trim().toUpperCase().replace(/[-_ ]/g, "") === "JSONRPC";

function skillsOf(card: AgentCardV1 | AgentCardV03): NormalizedSkill[] {
  return card.skills.map((s: CardSkillInput) => ({
    id: s.id,
    name: s.name,
    description: s.description,
    tags: s.tags,
    examples: s.examples ?? [],
    inputModes: s.inputModes?.length ? s.inputModes : card.defaultInputModes,
    outputModes: s.outputModes?.length ? s.outputModes : card.defaultOutputModes,
  }));
}

function base(card: AgentCardV1 | AgentCardV03) {
  return {
    name: card.name,
    description: card.description,
    version: card.version,
    provider: card.provider ? { organization: card.provider.organization, url: card.provider.url ?? null } : null,
    documentationUrl: card.documentationUrl ?? null,
    iconUrl: card.iconUrl ?? null,
    streaming: card.capabilities?.streaming === true,
    pushNotifications: card.capabilities?.pushNotifications === true,
    defaultInputModes: card.defaultInputModes,
    defaultOutputModes: card.defaultOutputModes,
    skills: skillsOf(card),
  };
}

function fromV1(card: AgentCardV1): NormalizedCard | string {
  const interfaces = card.supportedInterfaces.map((i) => ({
    url: i.url,
    binding: i.protocolBinding,
    protocolVersion: i.protocolVersion ?? null,
  }));
  const rpc = interfaces.find((i) => isJsonRpc(i.binding));
  if (!rpc)
    return (
      `supportedInterfaces has no JSONRPC interface (found ${interfaces.map((i) => i.binding).join(", ")}); ` +
      "Bureau calls agents over JSON-RPC."
    );
  return {
    cardFormat: "1.0",
    ...base(card),
    endpointUrl: rpc.url,
    endpointProtocolVersion: rpc.protocolVersion ?? "1.0",
    interfaces,
  };
}

function fromV03(card: AgentCardV03): NormalizedCard | string {
  const preferred = card.preferredTransport ?? "JSONRPC";
  const interfaces = [
    { url: card.url, binding: preferred, protocolVersion: card.protocolVersion ?? "0.3" },
    ...(card.additionalInterfaces ?? []).map((i) => ({
      url: i.url,
      binding: i.transport,
      protocolVersion: card.protocolVersion ?? "0.3",
    })),
  ];
  const rpc = interfaces.find((i) => isJsonRpc(i.binding));
  if (!rpc)
    return (
      `preferredTransport is ${preferred} and additionalInterfaces has no JSONRPC entry; ` +
      "Bureau calls agents over JSON-RPC."
    );
  return {
    cardFormat: "0.3",
    ...base(card),
    endpointUrl: rpc.url,
    endpointProtocolVersion: card.protocolVersion ?? "0.3",
    interfaces,
  };
}

function duplicateSkillIds(card: NormalizedCard): string[] {
  const seen = new Set<string>();
  const errors: string[] = [];
  card.skills.forEach((skill, i) => {
    if (seen.has(skill.id))
      errors.push(`skills[${i}].id "${skill.id}" is used by another skill; skill ids must be unique.`);
    seen.add(skill.id);
  });
  return errors;
}

const issues = (error: z.ZodError) => error.issues.map(formatIssue);

/**
 * Validates an A2A Agent Card (v1.0 with `supportedInterfaces`, or 0.3 with
 * `url`/`preferredTransport`) and normalises it. On failure every problem is
 * listed, each as a plain sentence starting with its JSON path.
 */
export function parseAgentCard(json: unknown): ParseCardResult {
  if (typeof json !== "object" || json === null || Array.isArray(json)) {
    return { ok: false, errors: ["The card must be a JSON object ({ … })."] };
  }
  let card: NormalizedCard | string;
  if ("supportedInterfaces" in json) {
    const parsed = ZAgentCardV1Schema.safeParse(json, { reportInput: true });
    if (!parsed.success) return { ok: false, errors: issues(parsed.error) };
    card = fromV1(parsed.data);
  } else if ("url" in json) {
    const parsed = ZAgentCardV03Schema.safeParse(json, { reportInput: true });
    if (!parsed.success) return { ok: false, errors: issues(parsed.error) };
    card = fromV03(parsed.data);
  } else {
    const rest = ZAgentCardV1Schema.omit({ supportedInterfaces: true }).safeParse(json, { reportInput: true });
    return {
      ok: false,
      errors: [
        "The card has neither supportedInterfaces (A2A v1.0) nor url (A2A 0.3), " +
          "so there is no address to call the agent at.",
        ...(rest.success ? [] : issues(rest.error)),
      ],
    };
  }
  if (typeof card === "string") return { ok: false, errors: [card] };
  const duplicates = duplicateSkillIds(card);
  return duplicates.length ? { ok: false, errors: duplicates } : { ok: true, card, raw: json };
}

/** Parses card text (pasted or fetched); bad JSON is one plain error. */
export function parseAgentCardText(text: string): ParseCardResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      errors: [`The card is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`],
    };
  }
  return parseAgentCard(json);
}
