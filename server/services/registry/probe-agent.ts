import "server-only";
import { db } from "../../db";
import { DomainError } from "../../errors";
import { safeFetch } from "../../net/safe-fetch";
import { findUnsafeUrlError } from "../../net/unsafe-url-error";
import { fetchAgentCard } from "./fetch-card";
import { recordCardVersion } from "./record-card-version";

/** Consecutive failed probes after which a listing is flagged on its page. */
export const FLAG_AFTER_FAILURES = 3;
/** Probe history kept per listing. */
const KEEP_DAYS = 30;

export interface ProbeResult {
  ok: boolean;
  httpStatus: number | null;
  latencyMs: number | null;
  error: string | null;
  cardChanged: boolean;
}

/**
 * A harmless JSON-RPC call: asking for a task that does not exist. A live A2A
 * server answers with a JSON-RPC error; an agent that wants credentials
 * answers 401/403. Both prove the endpoint is up.
 */
async function probeEndpoint(url: string, protocolVersion: string, fetchImpl: typeof fetch) {
  const legacy = protocolVersion.startsWith("0.");
  const started = performance.now();
  const response = await fetchImpl(url, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", "a2a-version": legacy ? "0.3" : "1.0" },
    body: JSON.stringify({
      jsonrpc: "2.0",
      id: "bureau-health",
      method: legacy ? "tasks/get" : "GetTask",
      params: { id: "bureau-health-probe" },
    }),
  });
  const text = await response.text();
  const latencyMs = Math.round(performance.now() - started);
  if (response.status === 401 || response.status === 403)
    return { ok: true, httpStatus: response.status, latencyMs, error: null };
  let jsonRpc = false;
  try {
    const body: unknown = JSON.parse(text);
    jsonRpc = typeof body === "object" && body !== null && "jsonrpc" in body && body.jsonrpc === "2.0";
  } catch {
    jsonRpc = false;
  }
  if (response.status >= 500)
    return {
      ok: false,
      httpStatus: response.status,
      latencyMs,
      error: `The endpoint answered HTTP ${response.status}.`,
    };
  if (!jsonRpc)
    return {
      ok: false,
      httpStatus: response.status,
      latencyMs,
      error: `The endpoint answered HTTP ${response.status} without a JSON-RPC reply.`,
    };
  return { ok: true, httpStatus: response.status, latencyMs, error: null };
}

/**
 * Re-fetches the listing's card (a changed card becomes a new version) and
 * probes its endpoint, then records the check. After FLAG_AFTER_FAILURES
 * failures in a row the listing is flagged; one success clears the flag.
 */
export async function probeAgent(input: { agentId: string; fetchImpl?: typeof fetch }): Promise<ProbeResult> {
  const fetchImpl = input.fetchImpl ?? safeFetch;
  const agent = await db.agent.findUnique({ where: { id: input.agentId }, select: { id: true, cardUrl: true } });
  if (!agent) throw new DomainError("agent_not_found", "Listing not found.");

  let cardChanged = false;
  let cardError: string | null = null;
  if (agent.cardUrl) {
    const card = await fetchAgentCard(agent.cardUrl, fetchImpl);
    if (card.ok) {
      cardChanged = (
        await db.$transaction((tx) =>
          recordCardVersion(tx, { agentId: agent.id, card: card.card, raw: card.raw, source: "health" }),
        )
      ).changed;
    } else {
      cardError = `Card: ${card.errors[0]}`;
    }
  }
  // Read after a possible card change: the endpoint may have moved.
  const current = await db.agent.findUniqueOrThrow({
    where: { id: agent.id },
    select: { endpointUrl: true, protocolVersion: true },
  });
  let probe: { ok: boolean; httpStatus: number | null; latencyMs: number | null; error: string | null };
  try {
    probe = await probeEndpoint(current.endpointUrl, current.protocolVersion, fetchImpl);
  } catch (error) {
    const refusal = findUnsafeUrlError(error);
    if (!refusal) throw error;
    probe = { ok: false, httpStatus: null, latencyMs: null, error: `Endpoint: ${refusal.message}` };
  }
  const ok = probe.ok && cardError === null;
  const error = [cardError, probe.error].filter(Boolean).join(" ") || null;
  await db.$transaction([
    db.agentHealthCheck.create({
      data: { agentId: agent.id, ok, httpStatus: probe.httpStatus, latencyMs: probe.latencyMs, error },
    }),
    db.$executeRaw`
      UPDATE "Agent" SET
        "healthFailures" = CASE WHEN ${ok} THEN 0 ELSE "healthFailures" + 1 END,
        "healthFlagged" = CASE WHEN ${ok} THEN false ELSE "healthFailures" + 1 >= ${FLAG_AFTER_FAILURES} END,
        "health" = (CASE WHEN ${ok} THEN 'HEALTHY' ELSE 'FAILING' END)::"AgentHealth",
        "lastCheckedAt" = now(),
        "lastLatencyMs" = ${probe.latencyMs}
      WHERE id = ${agent.id}`,
    db.agentHealthCheck.deleteMany({
      where: { agentId: agent.id, checkedAt: { lt: new Date(Date.now() - KEEP_DAYS * 86_400_000) } },
    }),
  ]);
  return { ok, httpStatus: probe.httpStatus, latencyMs: probe.latencyMs, error, cardChanged };
}

/** Ids of every published listing, for the periodic health check. */
export async function listPublishedAgentIds(): Promise<string[]> {
  const rows = await db.agent.findMany({
    where: { status: "PUBLISHED" },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  return rows.map((r) => r.id);
}
