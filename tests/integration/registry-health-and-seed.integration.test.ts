import { afterAll, beforeAll, describe, expect, it } from "vitest";
import checkAgentHealth from "@/inngest/functions/check-agent-health";
import { db } from "@/server/db";
import { DEMO_AGENTS } from "@/server/demo-agents/catalog";
import type { StepTools } from "@/server/jobs/types";
import { seedCatalog } from "@/server/seed/seed-catalog";
import { searchCatalog } from "@/server/services/registry/search-catalog";
import { startFakeAgent, type FakeAgent } from "../support/agent-card-server";
import { ownerWithOrg } from "../support/factories";
import { publish, resetDemoListings, sellerWithListing } from "../support/registry-factories";

let agent: FakeAgent;
beforeAll(async () => {
  agent = await startFakeAgent();
});
afterAll(() => agent.close());

describe("periodic health check", () => {
  it("probes every published agent, each in its own step", async () => {
    const seller = await sellerWithListing(agent);
    await publish(seller, seller.agentId);
    const before = await db.agentHealthCheck.count({ where: { agentId: seller.agentId } });
    const stepIds: string[] = [];
    const step: StepTools = {
      run: (id, fn) => {
        stepIds.push(id);
        return fn();
      },
      sleep: async () => {},
      waitForEvent: async () => null,
      sendEvent: async () => {},
    };
    expect(checkAgentHealth.config).toMatchObject({ id: "check-agent-health", trigger: { cron: "*/15 * * * *" } });
    const result = (await checkAgentHealth.handler({
      event: { name: "cron", data: {} as never },
      step,
      runId: "test",
    })) as { probed: number };
    const published = await db.agent.count({ where: { status: "PUBLISHED" } });
    expect(result.probed).toBe(published);
    expect(stepIds).toContain(`probe-${seller.agentId}`);
    expect(stepIds.filter((id) => id.startsWith("probe-"))).toHaveLength(published);
    expect(await db.agentHealthCheck.count({ where: { agentId: seller.agentId } })).toBe(before + 1);
  });
});

describe("demo catalog seed", () => {
  it("publishes every demo agent under the seller org, idempotently, with cards from the base URL", async () => {
    const { org } = await ownerWithOrg("Northwind test");
    const owned = { orgId: org.id };
    await resetDemoListings(owned);
    await seedCatalog({ sellerOrgId: org.id, baseUrl: "http://localhost:4321" });
    const count = () =>
      db.agent.count({ where: { slug: { in: DEMO_AGENTS.map((a) => a.slug) }, status: "PUBLISHED" } });
    expect(await count()).toBe(DEMO_AGENTS.length);
    const versions = await db.agentVersion.count({
      where: { agent: { slug: { in: DEMO_AGENTS.map((a) => a.slug) } } },
    });
    await seedCatalog({ sellerOrgId: org.id, baseUrl: "http://localhost:4321" });
    expect(await count()).toBe(DEMO_AGENTS.length);
    expect(await db.agentVersion.count({ where: { agent: { slug: { in: DEMO_AGENTS.map((a) => a.slug) } } } })).toBe(
      versions,
    );

    const first = DEMO_AGENTS[0]!;
    const row = await db.agent.findUniqueOrThrow({
      where: { slug: first.slug },
      include: { skills: { orderBy: { position: "asc" } } },
    });
    expect(row).toMatchObject({
      endpointUrl: `http://localhost:4321/api/demo-agents/${first.slug}`,
      cardUrl: `http://localhost:4321/api/demo-agents/${first.slug}/.well-known/agent-card.json`,
      pricePerTask: first.pricePerTask,
      streaming: first.streaming,
    });
    expect(row.skills.map((s) => s.skillId)).toEqual(first.skills.map((s) => s.id));
    expect(new Set(DEMO_AGENTS.flatMap((a) => a.categories)).size).toBeGreaterThanOrEqual(6);
    // Other test files in this worker's database may publish look-alike listings.
    expect((await searchCatalog({ q: first.name })).items.map((i) => i.slug)).toContain(first.slug);

    // A new base URL re-points the cards without sending them back to review.
    await seedCatalog({ sellerOrgId: org.id, baseUrl: "http://127.0.0.1:3100" });
    expect(await db.agent.findUniqueOrThrow({ where: { slug: first.slug } })).toMatchObject({
      status: "PUBLISHED",
      endpointUrl: `http://127.0.0.1:3100/api/demo-agents/${first.slug}`,
    });
  });
});
