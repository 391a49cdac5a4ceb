import "server-only";
import { Client, DefaultAgentCardResolver, JsonRpcTransportFactory } from "@a2a-js/sdk/client";
import type { AgentCard } from "@a2a-js/sdk";
import { createSafeFetch } from "../net/safe-fetch";

// Agent endpoints are user-given URLs: every call goes through the SSRF-safe
// fetcher. No body cap or overall timeout here (streams are long-lived); the
// task runner enforces its own deadline with an AbortSignal.
const agentFetch = createSafeFetch({ timeoutMs: null, maxBodyBytes: null });

/**
 * An official A2A client for a seller's agent. The stored card supplies the
 * protocol details, but the endpoint is always the listing's reviewed
 * endpointUrl, so a card cannot redirect Bureau's calls elsewhere.
 */
export async function createAgentClient(input: {
  endpointUrl: string;
  card: unknown;
}): Promise<{ client: Client; card: AgentCard }> {
  // A client holds no per-call state, so tasks on one agent (same endpoint,
  // same card) share one: thousands of concurrent turns then cost one
  // normalised card and one transport, not one each.
  const key = `${input.endpointUrl}\n${JSON.stringify(input.card ?? null)}`;
  const cached = clients.get(key);
  if (cached) {
    clients.delete(key);
    clients.set(key, cached);
    return cached;
  }
  const created = buildAgentClient(input);
  clients.set(key, created);
  if (clients.size > CLIENT_CACHE_MAX) clients.delete(clients.keys().next().value!);
  created.catch(() => clients.delete(key));
  return created;
}

const CLIENT_CACHE_MAX = 500;
const clients = new Map<string, Promise<{ client: Client; card: AgentCard }>>();

async function buildAgentClient(input: { endpointUrl: string; card: unknown }) {
  const resolver = new DefaultAgentCardResolver({ fetchImpl: agentFetch });
  const card = resolver.normalizeAgentCard(input.card ?? minimalCard(input.endpointUrl));
  const pinned: AgentCard = {
    ...card,
    supportedInterfaces: card.supportedInterfaces.length
      ? card.supportedInterfaces.map((i) => ({ ...i, url: input.endpointUrl }))
      : [{ url: input.endpointUrl, protocolBinding: "JSONRPC", protocolVersion: "1.0", tenant: "" }],
  };
  const transport = await new JsonRpcTransportFactory({
    fetchImpl: agentFetch,
    legacyCompat: { enabled: true },
  }).create(input.endpointUrl, pinned);
  return { client: new Client(transport, pinned), card: pinned };
}

function minimalCard(endpointUrl: string) {
  return {
    name: "agent",
    description: "",
    version: "1.0.0",
    supportedInterfaces: [{ url: endpointUrl, protocolBinding: "JSONRPC", protocolVersion: "1.0" }],
    capabilities: {},
    defaultInputModes: ["text/plain"],
    defaultOutputModes: ["text/plain"],
    skills: [],
  };
}

/** Whether the card says the agent streams (A2A capabilities.streaming). */
export function cardStreams(card: AgentCard): boolean {
  return Boolean(card.capabilities?.streaming);
}
