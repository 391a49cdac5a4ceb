import "../../support/redis-test-env";
import { describe, expect, it } from "vitest";
import { gatewayCardUrl } from "@/server/a2a/urls";
import { db } from "@/server/db";
import { ORG_EVENTS_CHANNEL } from "@/server/services/events/catalogue";
import { taskListener } from "@/server/services/events/task-listener";
import { useTaskRuntime } from "../../support/app-server";
import { asTask, gatewayClient, sendRequest } from "../../support/a2a-client";
import { buyerWithCredits, publishDemoAgent } from "../../support/task-fixtures";

useTaskRuntime();

describe("the org event log with REDIS_URL", () => {
  it("wakes org event subscribers through Redis when a task starts and ends (no LISTEN on Postgres)", async () => {
    expect(taskListener.transport).toBe("redis");
    const { agent } = await publishDemoAgent("northwind-data-analyst", 5);
    const buyer = await buyerWithCredits(100);
    const seen: string[] = [];
    const unsubscribe = taskListener.subscribe(ORG_EVENTS_CHANNEL, (payload) => seen.push(payload));
    try {
      await taskListener.ensure();
      const client = await gatewayClient(gatewayCardUrl(agent.slug), buyer.apiKey);
      const task = asTask(await client.sendMessage(sendRequest("1, 2, 3")));
      const newest = await db.event.findFirstOrThrow({
        where: { orgId: buyer.org.id, subjectId: task.id, type: "task.settled" },
        select: { id: true },
      });
      // The accept's notification and the end's, each naming the newest event of its transaction.
      await expect
        .poll(() => seen.filter((p) => p.startsWith(`${buyer.org.id}:`)), { timeout: 5_000 })
        .toContain(`${buyer.org.id}:${newest.id}`);
      expect(seen.filter((p) => p.startsWith(`${buyer.org.id}:`)).length).toBeGreaterThanOrEqual(2);
    } finally {
      unsubscribe();
    }
  });
});
