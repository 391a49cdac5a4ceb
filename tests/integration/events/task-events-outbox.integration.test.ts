import { TaskState } from "@a2a-js/sdk";
import { describe, expect, it } from "vitest";
import { gatewayCardUrl } from "@/server/a2a/urls";
import { db } from "@/server/db";
import { useTaskRuntime } from "../../support/app-server";
import { asTask, gatewayClient, sendRequest } from "../../support/a2a-client";
import { buyerWithCredits, publishDemoAgent } from "../../support/task-fixtures";

useTaskRuntime();

/** The org's event log for one task, oldest first, as type and data. */
async function taskLog(orgId: string, taskId: string) {
  const events = await db.event.findMany({
    where: { orgId, subjectId: taskId },
    orderBy: { id: "asc" },
    select: { type: true, data: true, actorKind: true },
  });
  return events;
}

describe("tasks in the org event log", () => {
  it("records a task's start, end and money in the transactions that made them", async () => {
    const { agent } = await publishDemoAgent("northwind-data-analyst", 30);
    const buyer = await buyerWithCredits(100);
    const client = await gatewayClient(gatewayCardUrl(agent.slug), buyer.apiKey);
    const task = asTask(await client.sendMessage(sendRequest("Weekly signups: 120, 134, 98, 160")));
    expect(task.status?.state).toBe(TaskState.TASK_STATE_COMPLETED);
    await expect.poll(async () => (await taskLog(buyer.org.id, task.id)).length, { timeout: 10_000 }).toBe(6);

    const log = await taskLog(buyer.org.id, task.id);
    expect(log.map((e) => e.type)).toEqual([
      "task.created",
      "credits.held",
      "task.state_changed",
      "task.artifact",
      "credits.captured",
      "task.settled",
    ]);
    expect(log[0]).toMatchObject({
      actorKind: "apiKey",
      data: { agentId: agent.id, source: "A2A", priceCredits: 30, parentTaskId: null },
    });
    expect(log[1]!.data).toMatchObject({ amount: 30 });
    expect(log[2]).toMatchObject({ actorKind: "agent", data: { from: "WORKING", to: "COMPLETED" } });
    expect(log[4]!.data).toEqual(expect.objectContaining({ amount: 30, sellerAmount: 24, feeAmount: 6 }));
    expect(log[5]!.data).toEqual({ state: "COMPLETED", outcome: "captured", chargedCredits: 30 });
  });

  it("records a release when the agent fails, and nothing for a task it refused to start", async () => {
    const { agent } = await publishDemoAgent("northwind-contract-checker", 40);
    const buyer = await buyerWithCredits(50);
    const client = await gatewayClient(gatewayCardUrl(agent.slug), buyer.apiKey);
    const failed = asTask(await client.sendMessage(sendRequest("Please FAIL on this contract")));
    expect(failed.status?.state).toBe(TaskState.TASK_STATE_FAILED);
    await expect
      .poll(async () => (await taskLog(buyer.org.id, failed.id)).map((e) => e.type), { timeout: 10_000 })
      .toEqual(["task.created", "credits.held", "task.state_changed", "credits.released", "task.settled"]);
    const settled = (await taskLog(buyer.org.id, failed.id)).at(-1)!;
    expect(settled.data).toEqual({ state: "FAILED", outcome: "released", chargedCredits: 0 });

    // 50 credits left after the release; a second 40-credit task fits, a third would not:
    // the refused one leaves no task and no event.
    const before = await db.event.count({ where: { orgId: buyer.org.id } });
    await client.sendMessage(sendRequest("Review this vendor contract for risky clauses"));
    await expect(client.sendMessage(sendRequest("And this one too"))).rejects.toThrow(/credits/i);
    await expect
      .poll(() => db.event.count({ where: { orgId: buyer.org.id, type: "task.settled" } }), { timeout: 10_000 })
      .toBe(2);
    expect(await db.event.count({ where: { orgId: buyer.org.id, type: "task.created" } })).toBe(2);
    expect(await db.task.count({ where: { orgId: buyer.org.id } })).toBe(2);
    expect(await db.event.count({ where: { orgId: buyer.org.id } })).toBe(before + 6);
  });
});
