import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewayUrl } from "@/server/a2a/urls";
import { findGatewayAgent, serveGateway } from "@/server/gateway/serve-gateway";
import { clientIpHeader } from "@/server/net/client-address";
import { startAppServer } from "../../support/app-server";
import { buyerWithCredits, publishDemoAgent } from "../../support/task-fixtures";
import { postRaw, rpcError } from "./gateway-rpc";

// The slug as Next.js hands it to the route: percent-decoded when it decodes, as received otherwise.
let server: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  const { serveGateway: serve } = await import("@/server/gateway/serve-gateway");
  server = await startAppServer([
    {
      pattern: /^\/api\/a2a\/agents\/(.*)$/s,
      handle: (request, match) => {
        let slug = match[1]!;
        try {
          slug = decodeURIComponent(slug);
        } catch {
          // Next answers 400 for a segment that does not decode; the gateway must cope either way.
        }
        return serve(request, slug);
      },
    },
  ]);
}, 60_000);
afterAll(async () => server?.close());

const base = () => gatewayUrl("x").replace(/\/x$/, "");
const getTask = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "GetTask", params: { id: "none" } });

describe("odd bytes in the gateway's URL path", () => {
  const odd = [
    "%00",
    "agent%00name",
    "%ED%A0%80",
    "%F0%9F%98%80",
    "%E0%A4%A",
    "..%2F..%2Fetc%2Fpasswd",
    "a".repeat(5_000),
    "%20",
    "agent%0Aname",
    "agent name",
    "%25",
    "%C0%AF",
  ];

  it("answers 404 (never 5xx) over HTTP for each, with a JSON-RPC error", async () => {
    const { apiKey } = await buyerWithCredits(0);
    for (const segment of odd) {
      const answer = await postRaw(`${base()}/${segment}`, getTask, { authorization: `Bearer ${apiKey}` });
      expect(answer.status, segment.slice(0, 40)).toBe(404);
      expect(rpcError(answer)?.code, segment.slice(0, 40)).toBe(-32044);
    }
  });

  it("finds no agent for slugs that are not text at all, without a query failing", async () => {
    const { apiKey } = await buyerWithCredits(0);
    for (const slug of ["\u0000", "ok\u0000", "\ud800", "\udfff-x", "x".repeat(5_000), "", " "]) {
      expect(await findGatewayAgent(slug)).toBeNull();
      const request = new Request("http://localhost/api/a2a/agents/x", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${apiKey}` },
        body: getTask,
      });
      expect((await serveGateway(request, slug)).status).toBe(404);
    }
  });
});

describe("API keys at the gateway", () => {
  it("answers a missing or unknown key with 401 and -32042", async () => {
    const { agent } = await publishDemoAgent("northwind-data-analyst", 1);
    const missing = await postRaw(gatewayUrl(agent.slug), getTask);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toMatch(/Bearer/);
    expect(rpcError(missing)?.code).toBe(-32042);
    const unknown = await postRaw(gatewayUrl(agent.slug), getTask, {
      authorization: `Bearer ${"z".repeat(40)}`,
      [clientIpHeader()]: "203.0.113.7",
    });
    expect(unknown.status).toBe(401);
    expect(rpcError(unknown)?.code).toBe(-32042);
  });

  it("throttles invalid keys per client IP with 429 and Retry-After, before the key lookup", async () => {
    const { agent } = await publishDemoAgent("northwind-data-analyst", 1);
    const { apiKey } = await buyerWithCredits(0);
    const from = (ip: string, key: string) =>
      postRaw(gatewayUrl(agent.slug), getTask, { authorization: `Bearer ${key}`, [clientIpHeader()]: ip });
    const guesser = `198.51.100.${Math.floor(Math.random() * 250) + 1}`;
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) statuses.push((await from(guesser, `guess${crypto.randomUUID()}`)).status);
    expect(statuses.slice(0, 20).every((s) => s === 401)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
    const throttled = await from(guesser, apiKey);
    expect(throttled.status).toBe(429);
    expect(Number(throttled.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(rpcError(throttled)?.code).toBe(-32029);
    // Another address is unaffected.
    expect((await from("192.0.2.10", apiKey)).status).toBe(200);
  });
});
