import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { startTask } from "@/server/services/tasks/start-task";
import { useTaskRuntime } from "../../support/app-server";
import { buyerWithCredits, publishDemoAgent } from "../../support/task-fixtures";

useTaskRuntime();

describe("recording a streaming agent", () => {
  it("records every progress update and artifact chunk the agent streams, in order", async () => {
    const { agent } = await publishDemoAgent("northwind-research-analyst", 1);
    const buyer = await buyerWithCredits(10);
    const task = await startTask({
      orgId: buyer.org.id,
      agent: { id: agent.id },
      message: {
        messageId: crypto.randomUUID(),
        role: "user",
        parts: [{ kind: "text", text: "Sodium-ion batteries" }],
      },
      actor: { kind: "user", userId: buyer.user.id },
      source: "UI",
    });
    await expect
      .poll(async () => (await db.task.findUniqueOrThrow({ where: { id: task.id } })).settledAt, { timeout: 20_000 })
      .not.toBeNull();
    const events = await db.taskEvent.findMany({
      where: { taskId: task.id },
      orderBy: { id: "asc" },
      select: { kind: true, data: true },
    });
    const progress = events.flatMap((e) => {
      const text = (e.data as { text?: string }).text;
      return e.kind === "status" && text ? [text] : [];
    });
    // The demo agent reports 1/4 … 4/4, then "ready": none may be lost between steps.
    expect(progress.filter((t) => /\d\/4/.test(t)).map((t) => t.match(/(\d)\/4/)![1])).toEqual(["1", "2", "3", "4"]);
    expect(progress.at(-1)).toMatch(/ready/i);
    const artifact = await db.artifact.findFirstOrThrow({ where: { taskId: task.id } });
    expect(JSON.stringify(artifact.parts)).toContain("## Next steps");
  });
});
