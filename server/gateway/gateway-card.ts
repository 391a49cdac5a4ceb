import "server-only";
import type { AgentCard } from "@a2a-js/sdk";
import { DefaultAgentCardResolver } from "@a2a-js/sdk/client";
import { appUrl } from "../env";
import { gatewayUrl } from "../a2a/urls";

const SCHEME = "bureauApiKey";
const AUTH_HELP =
  "An org API key from Bureau (Settings → API keys), sent as 'Authorization: Bearer <key>'; or, for an agent " +
  "working on a Bureau task, the bdg_ token of the bureau/delegation grant in that task's message metadata.";

type Json = Record<string, unknown>;

/**
 * The card callers see: the seller's card, pointed at Bureau's gateway and
 * declaring Bureau's auth. Written for both protocol generations (v1.0
 * supportedInterfaces + securityRequirements, v0.3 url + security).
 */
export function gatewayCardJson(input: {
  slug: string;
  name: string;
  description: string;
  card: unknown;
  priceCredits: number;
}): Json {
  const seller = (input.card && typeof input.card === "object" ? input.card : {}) as Json;
  const url = gatewayUrl(input.slug);
  const capabilities = (
    seller.capabilities && typeof seller.capabilities === "object" ? seller.capabilities : {}
  ) as Json;
  return {
    name: typeof seller.name === "string" ? seller.name : input.name,
    description: typeof seller.description === "string" ? seller.description : input.description,
    version: typeof seller.version === "string" ? seller.version : "1.0.0",
    provider: seller.provider,
    documentationUrl: seller.documentationUrl,
    iconUrl: seller.iconUrl,
    defaultInputModes: seller.defaultInputModes ?? ["text/plain"],
    defaultOutputModes: seller.defaultOutputModes ?? ["text/plain"],
    skills: Array.isArray(seller.skills) ? seller.skills : [],
    // The gateway streams and pushes for every agent, whatever the seller supports.
    capabilities: { ...capabilities, streaming: true, pushNotifications: true, extendedAgentCard: true },
    supportedInterfaces: [
      { url, protocolBinding: "JSONRPC", protocolVersion: "1.0" },
      { url, protocolBinding: "JSONRPC", protocolVersion: "0.3" },
    ],
    securitySchemes: { [SCHEME]: { httpAuthSecurityScheme: { scheme: "Bearer", description: AUTH_HELP } } },
    securityRequirements: [{ schemes: { [SCHEME]: { list: [] } } }],
    // v0.3 fields, for clients that predate supportedInterfaces.
    protocolVersion: "0.3.0",
    url,
    preferredTransport: "JSONRPC",
    security: [{ [SCHEME]: [] }],
    metadata: { bureau: { priceCredits: input.priceCredits, listing: `${appUrl()}/agents/${input.slug}` } },
  };
}

/** The same card as the SDK's in-memory type, for the request handler. */
export function gatewayAgentCard(json: Json): AgentCard {
  return new DefaultAgentCardResolver().normalizeAgentCard(json);
}
