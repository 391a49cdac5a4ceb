import { TaskState } from "@a2a-js/sdk";
import { describe, expect, it } from "vitest";
import { gatewayCardUrl } from "@/server/a2a/urls";
import { db } from "@/server/db";
import { useTaskRuntime } from "../../support/app-server";
import { artifactText, asTask, collect, gatewayClient, sendRequest } from "../../support/a2a-client";
import { buyerWithCredits, publishDemoAgent, walletOf } from "../../support/task-fixtures";

useTaskRuntime();

describe("A2A gateway task lifecycle", () => {
  it("continues an input-required task when the caller replies with the same task id", async () => {
    const { agent } = await publishDemoAgent("northwind-intake-coordinator", 15);
    const buyer = await buyerWithCredits(100);
    const client = await gatewayClient(gatewayCardUrl(agent.slug), buyer.apiKey);
    const first = asTask(await client.sendMessage(sendRequest("We need a vendor onboarding summary")));
    expect(first.status?.state).toBe(TaskState.TASK_STATE_INPUT_REQUIRED);
    expect((await walletOf(buyer.org.id)).ORG_HOLDS).toBe(15);

    const second = asTask(await client.sendMessage(sendRequest("Q3 2026, EMEA only", { taskId: first.id })));
    expect(second.id).toBe(first.id);
    expect(second.status?.state).toBe(TaskState.TASK_STATE_COMPLETED);
    expect(second.history.length).toBeGreaterThanOrEqual(2);
    // Captured, not refunded: the hold empties and the wallet stays down by the price.
    await expect.poll(async () => (await walletOf(buyer.org.id)).ORG_HOLDS, { timeout: 10_000 }).toBe(0);
    expect((await walletOf(buyer.org.id)).ORG_WALLET).toBe(85);
    expect((await db.creditHold.findUniqueOrThrow({ where: { taskId: first.id } })).status).toBe("CAPTURED");
  });

  it("releases the hold when the agent fails: nothing is charged", async () => {
    const { agent, sellerOrg } = await publishDemoAgent("northwind-contract-checker", 40);
    const buyer = await buyerWithCredits(100);
    const client = await gatewayClient(gatewayCardUrl(agent.slug), buyer.apiKey);
    const task = asTask(await client.sendMessage(sendRequest("Please FAIL on this contract")));
    expect(task.status?.state).toBe(TaskState.TASK_STATE_FAILED);
    await expect
      .poll(async () => (await db.creditHold.findUnique({ where: { taskId: task.id } }))?.status, { timeout: 10_000 })
      .toBe("RELEASED");
    expect(await walletOf(buyer.org.id)).toMatchObject({ ORG_WALLET: 100, ORG_HOLDS: 0 });
    expect((await walletOf(sellerOrg.id)).SELLER_PENDING ?? 0).toBe(0);
  });

  it("cancels a running task at the agent and refunds the hold", async () => {
    const { agent } = await publishDemoAgent("northwind-research-analyst", 30);
    const buyer = await buyerWithCredits(100);
    const client = await gatewayClient(gatewayCardUrl(agent.slug), buyer.apiKey);
    const started = asTask(await client.sendMessage(sendRequest("Long report please", { returnImmediately: true })));
    expect([TaskState.TASK_STATE_SUBMITTED, TaskState.TASK_STATE_WORKING]).toContain(started.status?.state);
    const canceled = await client.cancelTask({ tenant: "", id: started.id, metadata: undefined });
    expect(canceled.status?.state).toBe(TaskState.TASK_STATE_CANCELED);
    await expect.poll(async () => (await walletOf(buyer.org.id)).ORG_WALLET, { timeout: 10_000 }).toBe(100);
    await expect(client.cancelTask({ tenant: "", id: started.id, metadata: undefined })).rejects.toThrow(
      /already ended|not cancel/i,
    );
  });

  it("gets, lists and resubscribes within the caller's org only", async () => {
    const { agent } = await publishDemoAgent("northwind-data-analyst", 5);
    const buyer = await buyerWithCredits(100);
    const other = await buyerWithCredits(100);
    const client = await gatewayClient(gatewayCardUrl(agent.slug), buyer.apiKey);
    const intruder = await gatewayClient(gatewayCardUrl(agent.slug), other.apiKey);
    const task = asTask(await client.sendMessage(sendRequest("1, 2, 3")));

    const fetched = await client.getTask({ tenant: "", id: task.id, historyLength: 5 });
    expect(artifactText(fetched)).toBe(artifactText(task));
    const listed = await client.listTasks({
      tenant: "",
      contextId: "",
      status: TaskState.TASK_STATE_UNSPECIFIED,
      pageToken: "",
      statusTimestampAfter: undefined,
    });
    expect(listed.tasks.map((t) => t.id)).toEqual([task.id]);

    await expect(intruder.getTask({ tenant: "", id: task.id })).rejects.toThrow(/not found/i);
    await expect(intruder.cancelTask({ tenant: "", id: task.id, metadata: undefined })).rejects.toThrow(/not found/i);
    await expect(collect(intruder.resubscribeTask({ tenant: "", id: task.id }))).rejects.toThrow(/not found/i);
    const theirs = await intruder.listTasks({
      tenant: "",
      contextId: "",
      status: TaskState.TASK_STATE_UNSPECIFIED,
      pageToken: "",
      statusTimestampAfter: undefined,
    });
    expect(theirs.tasks).toEqual([]);
  });

  it("refuses an unaffordable task before anything is held", async () => {
    const { agent } = await publishDemoAgent("northwind-data-analyst", 500);
    const buyer = await buyerWithCredits(100);
    const client = await gatewayClient(gatewayCardUrl(agent.slug), buyer.apiKey);
    await expect(client.sendMessage(sendRequest("1, 2"))).rejects.toThrow(/costs 500 credits but only 100/);
    expect(await db.task.count({ where: { orgId: buyer.org.id } })).toBe(0);
    expect(await walletOf(buyer.org.id)).toMatchObject({ ORG_WALLET: 100 });
  });

  it("treats a retried message id as the same task (no double charge)", async () => {
    const { agent } = await publishDemoAgent("northwind-data-analyst", 10);
    const buyer = await buyerWithCredits(100);
    const client = await gatewayClient(gatewayCardUrl(agent.slug), buyer.apiKey);
    const messageId = crypto.randomUUID();
    const [a, b] = await Promise.all([
      client.sendMessage(sendRequest("4, 5", { messageId })),
      client.sendMessage(sendRequest("4, 5", { messageId })),
    ]);
    expect(asTask(a).id).toBe(asTask(b).id);
    await expect.poll(async () => (await walletOf(buyer.org.id)).ORG_WALLET, { timeout: 10_000 }).toBe(90);
  });
});
