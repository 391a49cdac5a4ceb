import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { gatewayUrl } from "@/server/a2a/urls";
import { db } from "@/server/db";
import { startAppServer } from "../../support/app-server";
import { buyerWithCredits, publishDemoAgent } from "../../support/task-fixtures";
import { postRaw, type RpcAnswer } from "../gateway/gateway-rpc";
import { call, envelope, garbageBody, versionHeader } from "./gateway-arbitraries";

/**
 * Random and malformed JSON-RPC bodies on the A2A gateway, every method of
 * both versions: never a 5xx, never a leaked internal, always a documented
 * code. Seeded (FUZZ_SEED overrides) so a failure replays exactly.
 *
 * The caller's org has no credits and its one task has ended, so whatever
 * valid request the fuzzer stumbles on is answered at once (refused hold,
 * not cancelable, already ended) and no task ever runs.
 */
vi.hoisted(() => {
  process.env.GATEWAY_RATE_LIMIT_PER_MINUTE = "1000000";
});

const SEED = Number(process.env.FUZZ_SEED ?? 8_2026);

/** The codes the README documents for the gateway; -32603 would be a bug the fuzzer found. */
const DOCUMENTED = new Set([
  -32700, -32600, -32601, -32602, -32001, -32002, -32003, -32004, -32005, -32006, -32007, -32008, -32009, -32029,
  -32040, -32041, -32042, -32043, -32044, -32045, -32046, -32047, -32048,
]);
const LEAK = /prisma|invocation|node_modules|\/work\/|\.tsx?:\d+|\bSELECT\b|\n\s+at |\bat \S+ \(|TypeError|stack/i;

let server: Awaited<ReturnType<typeof startAppServer>>;
let slug: string;
let key: string;
let orgId: string;
let known: string[];

beforeAll(async () => {
  const { serveGateway } = await import("@/server/gateway/serve-gateway");
  // Any path segment reaches the gateway, decoded as Next.js decodes it (raw when it does not decode).
  const anySlug = (raw: string) => {
    try {
      return decodeURIComponent(raw);
    } catch {
      return raw;
    }
  };
  server = await startAppServer([
    { pattern: /^\/api\/a2a\/agents\/(.*)$/s, handle: (request, match) => serveGateway(request, anySlug(match[1]!)) },
  ]);
  const { agent } = await publishDemoAgent("northwind-data-analyst", 5);
  const buyer = await buyerWithCredits(0);
  slug = agent.slug;
  key = buyer.apiKey;
  orgId = buyer.org.id;
  const message = { messageId: "fixture", role: "user", parts: [{ kind: "text", text: "done" }] };
  const task = await db.task.create({
    data: { orgId, agentId: agent.id, contextId: "ctx-fixture", price: 5, input: message, state: "COMPLETED" },
  });
  await db.taskPushConfig.create({ data: { taskId: task.id, orgId, configId: "hook", url: "http://127.0.0.1:9/x" } });
  known = [task.id, "hook", "ctx-fixture", crypto.randomUUID(), agent.id];
}, 60_000);
afterAll(async () => server?.close());

/** Every answer the fuzzer gets must pass this. */
function assertWellFormed(answer: RpcAnswer, sent: string) {
  const where = `sent: ${sent.slice(0, 300)}\ngot: ${answer.status} ${answer.text.slice(0, 300)}`;
  expect(answer.status, where).toBeLessThan(500);
  expect(answer.json, where).not.toBeNull();
  expect(answer.text, where).not.toMatch(LEAK);
  expect(answer.text, where).not.toContain(orgId);
  for (const frame of Array.isArray(answer.json) ? answer.json : [answer.json]) {
    expect(frame.jsonrpc, where).toBe("2.0");
    if (frame.error === undefined) {
      expect(frame, where).toHaveProperty("result");
      continue;
    }
    expect(DOCUMENTED.has(frame.error.code), where).toBe(true);
    expect(typeof frame.error.message, where).toBe("string");
    expect(frame.error.message.length, where).toBeGreaterThan(0);
  }
}

const post = (body: string, version: string | undefined) =>
  postRaw(gatewayUrl(slug), body, { authorization: `Bearer ${key}`, ...(version ? { "a2a-version": version } : {}) });

describe("gateway fuzz", () => {
  it("answers near-valid requests of every method and both versions with documented codes", async () => {
    await fc.assert(
      fc.asyncProperty(call(known), async ({ method, params, version }) => {
        const body = JSON.stringify({ jsonrpc: "2.0", id: 7, method, params });
        assertWellFormed(await post(body, version), `${version ?? "-"} ${body}`);
      }),
      { seed: SEED, numRuns: 300 },
    );
  }, 60_000);

  it("answers random envelopes and params for every method and both versions with documented codes", async () => {
    await fc.assert(
      fc.asyncProperty(envelope(known), versionHeader, async (request, version) => {
        const body = JSON.stringify(request);
        assertWellFormed(await post(body, version), `${version ?? "-"} ${body}`);
      }),
      { seed: SEED, numRuns: 150 },
    );
  }, 60_000);

  it("answers malformed bodies with -32700, -32600 or -32602", async () => {
    await fc.assert(
      fc.asyncProperty(garbageBody(known), versionHeader, async (body, version) => {
        const answer = await post(body, version);
        assertWellFormed(answer, body);
        expect([-32700, -32600, -32601, -32602, -32009], body.slice(0, 200)).toContain(answer.json.error?.code);
      }),
      { seed: SEED, numRuns: 100 },
    );
  }, 60_000);

  it("answers odd bytes in the agent slug with 404", async () => {
    const base = gatewayUrl("x").replace(/\/x$/, "");
    const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "GetTask", params: { id: known[0] } });
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: "binary", minLength: 1, maxLength: 60 }), async (segment) => {
        const url = `${base}/${encodeURIComponent(segment)}`;
        const answer = await postRaw(url, body, { authorization: `Bearer ${key}` });
        expect(answer.status, url).toBe(404);
        expect(answer.json?.error?.code, url).toBe(-32044);
      }),
      { seed: SEED, numRuns: 50 },
    );
  }, 60_000);
});
