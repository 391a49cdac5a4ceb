import { TaskState } from "@a2a-js/sdk";
import { describe, expect, it } from "vitest";
import { gatewayCardUrl } from "@/server/a2a/urls";
import { db } from "@/server/db";
import { useTaskRuntime } from "../../support/app-server";
import { artifactText, asTask, collect, gatewayClient, sendRequest } from "../../support/a2a-client";
import { buyerWithCredits, publishDemoAgent, walletOf } from "../../support/task-fixtures";

useTaskRuntime();

describe("A2A gateway (v1.0, official client)", () => {
  it("runs a blocking SendMessage to completion and charges the price once", async () => {
    const { agent, sellerOrg } = await publishDemoAgent("northwind-data-analyst", 25);
    const buyer = await buyerWithCredits(1_000);
    const client = await gatewayClient(gatewayCardUrl(agent.slug), buyer.apiKey);
    const task = asTask(await client.sendMessage(sendRequest("Revenue by month: 120, 135, 150, 90")));
    expect(task.status?.state).toBe(TaskState.TASK_STATE_COMPLETED);
    expect(artifactText(task).length).toBeGreaterThan(20);
    const row = await db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(row).toMatchObject({ orgId: buyer.org.id, source: "A2A", state: "COMPLETED", price: 25 });
    await expect.poll(async () => (await walletOf(buyer.org.id)).ORG_WALLET, { timeout: 10_000 }).toBe(975);
    await expect.poll(async () => (await walletOf(sellerOrg.id)).SELLER_PENDING, { timeout: 10_000 }).toBe(20);
    expect((await walletOf(buyer.org.id)).ORG_HOLDS).toBe(0);
  });

  it("streams status updates and artifacts in order", async () => {
    const { agent } = await publishDemoAgent("northwind-research-analyst", 30);
    const buyer = await buyerWithCredits(500);
    const client = await gatewayClient(gatewayCardUrl(agent.slug), buyer.apiKey);
    const events = await collect(client.sendMessageStream(sendRequest("The state of small modular reactors")));
    expect(events[0]?.$case).toBe("task");
    const statuses = events.flatMap((e) => (e.$case === "statusUpdate" ? [e.value.status?.state] : []));
    expect(statuses.filter((s) => s === TaskState.TASK_STATE_WORKING).length).toBeGreaterThanOrEqual(3);
    expect(statuses.at(-1)).toBe(TaskState.TASK_STATE_COMPLETED);
    expect(events.some((e) => e.$case === "artifactUpdate")).toBe(true);
  });
});
