import "../../support/redis-test-env";
import type { ChildProcess } from "node:child_process";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { publishTaskNotifications } from "@/server/services/events/task-fanout";
import { taskListener, type TaskNotification } from "@/server/services/events/task-listener";
import { TASK_EVENTS_CHANNEL } from "@/server/services/tasks/task-events";
import { buyerWithCredits, publishDemoAgent } from "../../support/task-fixtures";
import { spawnLineProcess } from "../../support/line-process";

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) child.kill("SIGKILL");
});

async function runningTask() {
  const { agent } = await publishDemoAgent("northwind-data-analyst", 0);
  const buyer = await buyerWithCredits(0);
  const task = await db.task.create({
    data: { orgId: buyer.org.id, agentId: agent.id, contextId: "fanout", price: 0, state: "WORKING", input: {} },
  });
  return { orgId: buyer.org.id, taskId: task.id };
}

/** What a task-event writer does: the row and its pg_notify in one transaction, then the Redis publish. */
async function writeEvent(target: { orgId: string; taskId: string }, text: string): Promise<TaskNotification> {
  const note = await db.$transaction(async (tx) => {
    const row = await tx.taskEvent.create({
      data: { ...target, kind: "status", data: { state: "WORKING", text } },
      select: { id: true },
    });
    const payload = { ...target, id: row.id.toString() };
    await tx.$executeRaw`SELECT pg_notify(${TASK_EVENTS_CHANNEL}, ${JSON.stringify(payload)})`;
    return payload;
  });
  await publishTaskNotifications([note]);
  return note;
}

describe("task-event fan-out through Redis", () => {
  it("an event committed here reaches a stream held by another process", async () => {
    const target = await runningTask();
    const first = await writeEvent(target, "before the stream");
    const { child, next } = spawnLineProcess("tests/support/task-stream-process.ts", [target.orgId, target.taskId]);
    children.push(child);
    expect(await next()).toEqual({ transport: "redis", live: true });
    expect(await next()).toEqual({ event: first.id, kind: "status" }); // the log so far, then it waits

    const [row] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND pid <> pg_backend_pid() AND query LIKE 'LISTEN %'`;
    expect(row?.n).toBe(0); // nobody LISTENs: the stream can only be woken by Redis (or its 15-45 s re-read)

    const second = await writeEvent(target, "while streaming");
    expect(await next()).toEqual({ note: second });
    expect(await next()).toEqual({ event: second.id, kind: "status" });
  }, 60_000);

  it("wakes this process's own streams too, with what was published", async () => {
    await taskListener.ensure();
    expect(taskListener.connected).toBe(true);
    const target = await runningTask();
    const received: unknown[] = [];
    const seen = new Promise<void>((resolve) =>
      taskListener.on(`task:${target.taskId}`, (note) => {
        received.push(note);
        resolve();
      }),
    );
    const note = await writeEvent(target, "local");
    await seen;
    expect(received).toEqual([note]);
  });
});
