import "server-only";
import { db } from "../../db";
import { createSafeFetch } from "../../net/safe-fetch";
import { findUnsafeUrlError } from "../../net/unsafe-url-error";
import { DISABLE_AFTER_MS } from "./retry-schedule";
import { decryptSecret } from "./secret-box";
import { signMessage } from "./sign-message";

/** Receivers' URLs are user-given: the SSRF-safe fetcher with the 5 s deadline. Bodies are read up to 1 KB. */
const webhookFetch = createSafeFetch({ timeoutMs: 5_000, maxBodyBytes: null, maxRedirects: 0 });
export const EXCERPT_BYTES = 1024;

export type AttemptOutcome = "succeeded" | "failed" | "skipped";
export interface AttemptResult {
  outcome: AttemptOutcome;
  endpointId: string | null;
  statusCode: number | null;
  /** True when this failure disabled the endpoint (3 days without a success): its admins are told. */
  disabledEndpoint: boolean;
}

/**
 * One attempt of one delivery: signs and POSTs the stored body, records the
 * status, latency and a 1 KB excerpt, and keeps the endpoint's failure
 * clock. Never throws for the receiver's sake (a refusal, timeout or non-2xx
 * is a recorded failure; the durable function decides when to try again),
 * only for our own (the database), which the step retries.
 *
 * `now` is the clock of the rules (secret overlap, failure clock); the
 * signature's timestamp is always the real time, since receivers check it.
 * `nextDelayMs` is when the next attempt will go; null makes this the last.
 */
export async function attemptDelivery(input: {
  deliveryId: string;
  nextDelayMs: number | null;
  now?: Date;
}): Promise<AttemptResult> {
  const now = input.now ?? new Date();
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: input.deliveryId },
    select: {
      messageId: true,
      status: true,
      payload: true,
      endpoint: {
        select: {
          id: true,
          url: true,
          enabled: true,
          secretEncrypted: true,
          previousSecretEncrypted: true,
          previousSecretExpiresAt: true,
        },
      },
    },
  });
  const skipped = (endpointId: string | null): AttemptResult => ({
    outcome: "skipped",
    endpointId,
    statusCode: null,
    disabledEndpoint: false,
  });
  if (!delivery || delivery.status === "succeeded") return skipped(delivery?.endpoint.id ?? null);
  const { endpoint } = delivery;
  if (!endpoint.enabled) {
    await db.webhookDelivery.updateMany({
      where: { id: input.deliveryId, status: "pending" },
      data: { status: "failed", nextAttemptAt: null, lastResponseExcerpt: "Not sent: the endpoint is disabled." },
    });
    return skipped(endpoint.id);
  }

  const secrets = [decryptSecret(endpoint.secretEncrypted)];
  if (endpoint.previousSecretEncrypted && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now) {
    secrets.push(decryptSecret(endpoint.previousSecretEncrypted));
  }
  const body = JSON.stringify(delivery.payload);
  const headers = signMessage({ messageId: delivery.messageId, body, secrets, timestamp: new Date() });
  const started = performance.now();
  let statusCode: number | null = null;
  let excerpt: string;
  try {
    const response = await webhookFetch(endpoint.url, {
      method: "POST",
      headers: { "content-type": "application/json", "user-agent": "Bureau-Webhooks/1", ...headers },
      body,
    });
    statusCode = response.status;
    excerpt = await readExcerpt(response);
  } catch (error) {
    excerpt = findUnsafeUrlError(error)?.message ?? (error instanceof Error ? error.message : String(error));
  }
  const latencyMs = Math.round(performance.now() - started);
  const ok = statusCode !== null && statusCode >= 200 && statusCode < 300;
  const last = input.nextDelayMs === null;

  await db.webhookDelivery.update({
    where: { id: input.deliveryId },
    data: {
      attempts: { increment: 1 },
      status: ok ? "succeeded" : last ? "failed" : "pending",
      lastStatusCode: statusCode,
      lastLatencyMs: latencyMs,
      lastResponseExcerpt: excerpt.slice(0, EXCERPT_BYTES),
      lastAttemptAt: now,
      nextAttemptAt: ok || last ? null : new Date(now.getTime() + input.nextDelayMs!),
    },
  });
  if (ok) {
    await db.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: { firstFailureAt: null, lastSuccessAt: now },
    });
    return { outcome: "succeeded", endpointId: endpoint.id, statusCode, disabledEndpoint: false };
  }
  return {
    outcome: "failed",
    endpointId: endpoint.id,
    statusCode,
    disabledEndpoint: await noteFailure(endpoint.id, now),
  };
}

/**
 * Starts the failure clock if it is not running, and disables the endpoint
 * when it has run for 3 days (no success since: a success stops the clock).
 * Conditional updates, so of two concurrent failures one disables it.
 */
async function noteFailure(endpointId: string, now: Date): Promise<boolean> {
  await db.webhookEndpoint.updateMany({
    where: { id: endpointId, firstFailureAt: null },
    data: { firstFailureAt: now },
  });
  const { count } = await db.webhookEndpoint.updateMany({
    where: { id: endpointId, enabled: true, firstFailureAt: { lte: new Date(now.getTime() - DISABLE_AFTER_MS) } },
    data: { enabled: false, disabledAt: now, disabledReason: "failing" },
  });
  return count === 1;
}

/** The first 1 KB of the body as text; the rest is not read. */
async function readExcerpt(response: Response): Promise<string> {
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    while (size < EXCERPT_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      chunks.push(value);
      size += value.byteLength;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  const bytes = Buffer.concat(chunks).subarray(0, EXCERPT_BYTES);
  return new TextDecoder("utf-8", { fatal: false }).decode(bytes);
}
