import { TaskState } from "@a2a-js/sdk";
import { Client, DefaultAgentCardResolver, JsonRpcTransportFactory } from "@a2a-js/sdk/client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { conciergeUrl } from "@/server/a2a/urls";
import { gatewayUrl } from "@/server/a2a/urls";
import { db } from "@/server/db";
import { allFunctions } from "@/inngest/functions";
import { startJobEngine, stopJobEngine } from "@/server/jobs/engine";
import { seedCatalog } from "@/server/seed/seed-catalog";
import { describeNeed } from "@/server/services/registry/describe-need";
import { startAppServer } from "../../support/app-server";
import { asTask, bearerFetch, sendRequest } from "../../support/a2a-client";
import { createOrg, createUser } from "../../support/factories";
import { buyerWithCredits, publishDemoAgent } from "../../support/task-fixtures";
import { resetDemoListings } from "../../support/registry-factories";

vi.hoisted(() => {
  process.env.GATEWAY_RATE_LIMIT_PER_MINUTE = "3";
});

let server: Awaited<ReturnType<typeof startAppServer>>;
beforeAll(async () => {
  await startJobEngine(allFunctions);
  server = await startAppServer([
    {
      pattern: /^\/\.well-known\/agent-card\.json$/,
      handle: async () => Response.json((await import("@/server/gateway/concierge")).conciergeCardJson()),
    },
    {
      pattern: /^\/api\/a2a\/concierge$/,
      handle: async (r) => (await import("@/server/gateway/concierge")).serveConcierge(r),
    },
  ]);
}, 60_000);
afterAll(async () => {
  await server?.close();
  await stopJobEngine();
});

describe("gateway rate limits", () => {
  it("answers 429 with Retry-After once a key spends its per-minute calls, per key", async () => {
    const { agent } = await publishDemoAgent("northwind-data-analyst", 1);
    const a = await buyerWithCredits(10);
    const b = await buyerWithCredits(10);
    const call = (key: string) =>
      fetch(gatewayUrl(agent.slug), {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${key}`, "a2a-version": "1.0" },
        body: JSON.stringify({ jsonrpc: "2.0", id: 1, method: "GetTask", params: { id: "none" } }),
      });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(a.apiKey)).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await call(a.apiKey);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect((await limited.json()).error).toMatchObject({
      code: -32029,
      message: expect.stringMatching(/more than 3 calls/),
    });
    expect((await call(b.apiKey)).status).toBe(200);
  });
});

describe("Bureau's concierge agent", () => {
  it("publishes its own card and routes a request to the best-matching listed agent", async () => {
    const seller = await createUser("Northwind");
    const sellerOrg = await createOrg(seller.id, "Northwind Labs");
    await resetDemoListings();
    await seedCatalog({ sellerOrgId: sellerOrg.id, baseUrl: process.env.APP_URL! });
    // A file before this one may have seeded the demo already (slugs are global): the catalog is whoever owns it.
    const catalogOrgId = (await db.agent.findUniqueOrThrow({ where: { slug: "northwind-contract-checker" } })).orgId;
    const buyer = await buyerWithCredits(1_000);

    const cardJson = await (await fetch(`${process.env.APP_URL}/.well-known/agent-card.json`)).json();
    expect(cardJson).toMatchObject({ name: "Bureau Concierge", url: conciergeUrl() });
    const fetchImpl = bearerFetch(buyer.apiKey);
    const card = new DefaultAgentCardResolver().normalizeAgentCard(cardJson);
    const client = new Client(await new JsonRpcTransportFactory({ fetchImpl }).create(conciergeUrl(), card), card);

    // The concierge searches every published listing in this worker's
    // database; files before this one may have left listings whose test
    // agents are gone. Only the seeded catalog is listed for this test.
    const others = await db.agent.findMany({
      where: { status: "PUBLISHED", orgId: { not: catalogOrgId } },
      select: { id: true },
    });
    await db.agent.updateMany({ where: { id: { in: others.map((a) => a.id) } }, data: { status: "DRAFT" } });
    try {
      const need = "Review this vendor contract and flag risky clauses";
      const task = asTask(await client.sendMessage(sendRequest(need)));
      expect(task.status?.state).toBe(TaskState.TASK_STATE_COMPLETED);
      const expected = (await describeNeed({ need, limit: 1 })).matches[0]?.listing.slug;
      const row = await db.task.findUniqueOrThrow({
        where: { id: task.id },
        select: { agent: { select: { slug: true, orgId: true } } },
      });
      expect(row.agent).toEqual({ slug: expected, orgId: catalogOrgId });
      await expect(client.sendMessage(sendRequest("zzqx"))).rejects.toThrow(/No listed agent matches/);
    } finally {
      await db.agent.updateMany({ where: { id: { in: others.map((a) => a.id) } }, data: { status: "PUBLISHED" } });
    }
  });
});
