import { InngestTestEngine } from "@inngest/test";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { inngest } from "@/inngest/client";
import { allFunctions } from "@/inngest/functions";
import { db } from "@/server/db";
import { toInngestFunction } from "@/server/jobs/inngest/adapt";
import type { DurableFunction } from "@/server/jobs/types";
import { startTask } from "@/server/services/tasks/start-task";
import { startAppServer } from "../../support/app-server";
import { buyerWithCredits, publishDemoAgent, walletOf } from "../../support/task-fixtures";

// Production runs these definitions on Inngest: here the same functions are
// adapted with the production adapter and executed by @inngest/test, with
// step bodies running for real against Postgres and the demo agents. The
// engine is set to Inngest so startTask does not also run them locally (its
// send fails offline and is logged; the test drives the run itself).
vi.hoisted(() => {
  process.env.JOB_ENGINE = "inngest";
});

let server: Awaited<ReturnType<typeof startAppServer>>;
let functions: Map<string, DurableFunction<never>>;
beforeAll(async () => {
  server = await startAppServer();
  functions = new Map(allFunctions.map((f) => [f.config.id, f]));
}, 60_000);
afterAll(async () => {
  await server?.close();
});

function engineFor(id: string) {
  const fn = functions.get(id);
  if (!fn) throw new Error(`no function ${id}`);
  return new InngestTestEngine({ function: toInngestFunction(inngest, fn) });
}

async function startedTask(demoSlug: string, price: number, text = "10, 20, 30") {
  const { agent, sellerOrg } = await publishDemoAgent(demoSlug, price);
  const buyer = await buyerWithCredits(200);
  const task = await startTask({
    orgId: buyer.org.id,
    agent: { id: agent.id },
    message: { messageId: crypto.randomUUID(), role: "user", parts: [{ kind: "text", text }] },
    actor: { kind: "user", userId: buyer.user.id },
    source: "UI",
  });
  return { task, buyer, sellerOrg };
}

describe("Inngest functions (@inngest/test)", () => {
  it("registers every Bureau function with its trigger", () => {
    const ids = [...functions.keys()];
    expect(ids).toEqual(
      expect.arrayContaining([
        "run-agent-task",
        "continue-agent-task",
        "cancel-agent-task",
        "sweep-lost-tasks",
        "deliver-task-push",
      ]),
    );
    for (const fn of functions.values()) expect(toInngestFunction(inngest, fn).id()).toBe(fn.config.id);
  });

  it("run-agent-task sends, follows, settles and captures the price", async () => {
    const { task, buyer, sellerOrg } = await startedTask("northwind-data-analyst", 20);
    const { result } = await engineFor("run-agent-task").execute({
      events: [{ name: "task/started", data: { taskId: task.id } }],
      steps: [],
    });
    expect(result).toEqual({ state: "COMPLETED" });
    expect((await db.creditHold.findUniqueOrThrow({ where: { taskId: task.id } })).status).toBe("CAPTURED");
    expect(await walletOf(buyer.org.id)).toMatchObject({ ORG_WALLET: 180, ORG_HOLDS: 0 });
    expect((await walletOf(sellerOrg.id)).SELLER_PENDING).toBe(16);
  });

  it("run-agent-task stops at input-required with the hold kept; continue-agent-task finishes it", async () => {
    const { task, buyer } = await startedTask("northwind-intake-coordinator", 10, "Need an intake summary");
    const first = await engineFor("run-agent-task").execute({
      events: [{ name: "task/started", data: { taskId: task.id } }],
      steps: [],
    });
    expect(first.result).toEqual({ state: "INPUT_REQUIRED" });
    expect((await walletOf(buyer.org.id)).ORG_HOLDS).toBe(10);

    const { replyToTask } = await import("@/server/services/tasks/reply-to-task");
    await replyToTask({
      orgId: buyer.org.id,
      taskId: task.id,
      message: { messageId: crypto.randomUUID(), role: "user", parts: [{ kind: "text", text: "Last quarter" }] },
    });
    const second = await engineFor("continue-agent-task").execute({
      events: [{ name: "task/message.sent", data: { taskId: task.id, turn: 2 } }],
      steps: [],
    });
    expect(second.result).toEqual({ state: "COMPLETED" });
    expect(await walletOf(buyer.org.id)).toMatchObject({ ORG_WALLET: 190, ORG_HOLDS: 0 });
  });

  it("cancel-agent-task cancels at the agent and releases the hold", async () => {
    const { task, buyer } = await startedTask("northwind-data-analyst", 30);
    await db.task.update({ where: { id: task.id }, data: { cancelRequestedAt: new Date() } });
    const { result } = await engineFor("cancel-agent-task").execute({
      events: [{ name: "task/cancel.requested", data: { taskId: task.id } }],
      steps: [],
    });
    expect(result).toEqual({ canceled: true });
    expect(await walletOf(buyer.org.id)).toMatchObject({ ORG_WALLET: 200, ORG_HOLDS: 0 });
  });

  it("sweep-lost-tasks fails a task whose run was lost long ago and releases its hold", async () => {
    const { task, buyer } = await startedTask("northwind-data-analyst", 25);
    await db.task.update({
      where: { id: task.id },
      data: {
        state: "WORKING",
        createdAt: new Date(Date.now() - 7 * 3_600_000),
        updatedAt: new Date(Date.now() - 7 * 3_600_000),
      },
    });
    // A task never dispatched, whose re-send fails here (Inngest is offline):
    // the sweep goes on with the others and counts the failure.
    const { task: undispatched } = await startedTask("northwind-data-analyst", 5);
    await db.task.update({ where: { id: undispatched.id }, data: { createdAt: new Date(Date.now() - 10 * 60_000) } });
    const { result } = await engineFor("sweep-lost-tasks").execute({
      events: [{ name: "inngest/scheduled.timer", data: { cron: "*/5 * * * *" } }],
      steps: [],
    });
    expect(result).toMatchObject({ failed: expect.any(Number), errors: expect.any(Number) });
    expect((result as { errors: number }).errors).toBeGreaterThanOrEqual(1);
    expect((await db.task.findUniqueOrThrow({ where: { id: undispatched.id } })).state).toBe("SUBMITTED");
    expect((await db.task.findUniqueOrThrow({ where: { id: task.id } })).state).toBe("FAILED");
    expect(await walletOf(buyer.org.id)).toMatchObject({ ORG_WALLET: 200, ORG_HOLDS: 0 });
  });

  it("deliver-task-push does nothing for a task without webhooks", async () => {
    const { task } = await startedTask("northwind-data-analyst", 1);
    const { result } = await engineFor("deliver-task-push").execute({
      events: [{ name: "task/push.requested", data: { taskId: task.id } }],
      steps: [],
    });
    expect(result).toEqual({ delivered: 0 });
  });
});
