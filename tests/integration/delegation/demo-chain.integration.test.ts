import { describe, expect, it } from "vitest";
import { gatewayCardUrl } from "@/server/a2a/urls";
import { db } from "@/server/db";
import { buildDemoAgentCard, findDemoAgent } from "@/server/demo-agents/catalog";
import type { InputJsonValue } from "@/server/generated/prisma/internal/prismaNamespace";
import { checkLedger } from "@/server/services/ledger/check-ledger";
import { getTaskTree } from "@/server/services/tasks/task-tree";
import { artifactText, asTask, gatewayClient, sendRequest } from "../../support/a2a-client";
import { useTaskRuntime } from "../../support/app-server";
import { createOrg, createUser } from "../../support/factories";
import { buyerWithCredits, publishDemoAgent, walletOf } from "../../support/task-fixtures";

useTaskRuntime();

const SCOUT = "northwind-literature-scout";

/**
 * The Literature Scout under the slug the Research Analyst delegates to (the
 * seed's listing, when this database was seeded), served by this app.
 */
async function scoutListing() {
  const spec = findDemoAgent(SCOUT)!;
  const endpointUrl = `${process.env.APP_URL}/api/demo-agents/${SCOUT}`;
  const existing = await db.agent.findUnique({ where: { slug: SCOUT } });
  if (existing) return db.agent.update({ where: { id: existing.id }, data: { endpointUrl, status: "PUBLISHED" } });
  const seller = await createUser("Northwind");
  const org = await createOrg(seller.id, "Northwind Labs");
  return db.agent.create({
    data: {
      orgId: org.id,
      slug: SCOUT,
      name: spec.name,
      description: spec.description,
      endpointUrl,
      pricePerTask: spec.pricePerTask,
      status: "PUBLISHED",
      versions: {
        create: { version: 1, card: buildDemoAgentCard(spec, process.env.APP_URL!) as unknown as InputJsonValue },
      },
    },
  });
}

const MATERIAL = [
  "Interview notes from twelve facilities managers.",
  "",
  "Most buyers said durability mattered more than price when they compared refurbished chairs with new ones. " +
    "Several managers reported that warranty terms decided the purchase, and that a three year warranty removed " +
    "most doubts about refurbished stock. Delivery lead times were the most common complaint, with some orders " +
    "taking eight weeks. Sustainability reporting was mentioned by larger companies, who count refurbished " +
    "furniture toward their emissions targets. Smaller firms cared about price and quick delivery above all.",
].join("\n");

describe("the demo delegation chain", () => {
  it("has the Research Analyst delegate the reading to the Literature Scout with its grant, in its brief", async () => {
    const scout = await scoutListing();
    const { agent: analyst } = await publishDemoAgent("northwind-research-analyst", 120);
    const buyer = await buyerWithCredits(1_000);
    const client = await gatewayClient(gatewayCardUrl(analyst.slug), buyer.apiKey);
    const task = asTask(
      await client.sendMessage(sendRequest(`What do buyers want from refurbished office furniture?\n\n${MATERIAL}`)),
    );
    expect(task.status?.state).toBe(3); // TASK_STATE_COMPLETED
    const brief = artifactText(task);
    expect(brief).toContain("## What the sources say");
    expect(brief).toContain("Summarised by Northwind Literature Scout");
    expect(brief).toMatch(/warranty/i);

    const tree = await getTaskTree({ orgId: buyer.org.id, taskId: task.id });
    expect(tree).toMatchObject({ nodeCount: 2, totalCostCredits: 120 + scout.pricePerTask, truncated: false });
    expect(tree!.root.children).toEqual([
      expect.objectContaining({
        parentId: task.id,
        depth: 1,
        state: "COMPLETED",
        agent: { slug: SCOUT, name: scout.name },
        costCredits: scout.pricePerTask,
      }),
    ]);
    const child = await db.task.findUniqueOrThrow({
      where: { id: tree!.root.children[0]!.id },
      include: { artifacts: true },
    });
    expect(child).toMatchObject({ orgId: buyer.org.id, rootTaskId: task.id, source: "A2A" });
    expect(JSON.stringify(child.artifacts)).toMatch(/Key points/);
    await expect
      .poll(async () => (await walletOf(buyer.org.id)).ORG_WALLET, { timeout: 10_000 })
      .toBe(1_000 - 120 - scout.pricePerTask);
    expect((await walletOf(buyer.org.id)).ORG_HOLDS).toBe(0);
    expect(await checkLedger(db)).toMatchObject({ ok: true });
  });

  it("reads a short request itself: no child, no extra cost", async () => {
    await scoutListing();
    const { agent: analyst } = await publishDemoAgent("northwind-research-analyst", 120);
    const buyer = await buyerWithCredits(1_000);
    const client = await gatewayClient(gatewayCardUrl(analyst.slug), buyer.apiKey);
    const task = asTask(await client.sendMessage(sendRequest("The state of small modular reactors")));
    expect(artifactText(task)).not.toContain("What the sources say");
    expect(await getTaskTree({ orgId: buyer.org.id, taskId: task.id })).toMatchObject({
      nodeCount: 1,
      totalCostCredits: 120,
    });
  });
});
