import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVER_NODE_ARGS } from "@/scripts/lib/server-node-args";
import { db } from "@/server/db";
import { checkLedger } from "@/server/services/ledger/check-ledger";
import { startAppServer } from "../../support/app-server";
import { buyerWithCredits, publishDemoAgent, walletOf } from "../../support/task-fixtures";

const root = path.resolve(import.meta.dirname, "../../..");
/** The messageId of every message the demo agents received, in order. */
const received: string[] = [];
let server: Awaited<ReturnType<typeof startAppServer>>;
const children: ChildProcess[] = [];

beforeAll(async () => {
  // Count the messages the demo agents receive, to prove the send step ran once.
  server = await startAppServer([
    {
      pattern: /^\/api\/demo-agents\/([\w-]+)$/,
      handle: async (request, match) => {
        const body = await request.clone().text();
        if (/"method"\s*:\s*"(SendMessage|SendStreamingMessage|message\/send|message\/stream)"/.test(body))
          received.push(
            String((JSON.parse(body) as { params?: { message?: { messageId?: string } } }).params?.message?.messageId),
          );
        const { handleDemoAgentRequest } = await import("@/server/demo-agents/handler");
        return handleDemoAgentRequest(match[1]!, request);
      },
    },
  ]);
}, 60_000);
afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await server?.close();
});

function engineProcess(
  args: string[],
  executorId: string,
): Promise<{ child: ChildProcess; line: Record<string, unknown> }> {
  const child = spawn(process.execPath, [...SERVER_NODE_ARGS, "tests/support/engine-process.ts", ...args], {
    cwd: root,
    env: { ...process.env, JOBS_EXECUTOR_ID: executorId, LOG_LEVEL: "silent" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  children.push(child);
  return new Promise((resolve, reject) => {
    createInterface({ input: child.stdout! }).once("line", (line) =>
      resolve({ child, line: JSON.parse(line) as Record<string, unknown> }),
    );
    child.once("exit", (code) => reject(new Error(`engine process exited early (${code})`)));
  });
}

describe("durable runs survive a crash", () => {
  it("finishes a task after the engine is killed mid-run, each finished step once, ledger balanced", async () => {
    const { agent, sellerOrg } = await publishDemoAgent("northwind-research-analyst", 40);
    const buyer = await buyerWithCredits(200);
    const executorId = `crash-${crypto.randomUUID()}`;
    const receivedBefore = received.length;

    const first = await engineProcess(["start", buyer.org.id, agent.id, buyer.user.id], executorId);
    const taskId = String(first.line.taskId);
    // Kill it while it follows the agent's stream: after progress, before the end.
    await expect
      .poll(
        () => db.taskEvent.count({ where: { taskId, kind: "status", data: { path: ["state"], equals: "WORKING" } } }),
        { timeout: 20_000, interval: 20 },
      )
      .toBeGreaterThanOrEqual(2);
    first.child.kill("SIGKILL");
    await new Promise((resolve) => first.child.once("exit", resolve));
    expect((await db.task.findUniqueOrThrow({ where: { id: taskId } })).settledAt).toBeNull();

    await engineProcess(["recover"], executorId);
    await expect
      .poll(async () => (await db.task.findUniqueOrThrow({ where: { id: taskId } })).settledAt, { timeout: 30_000 })
      .not.toBeNull()
      .catch(async (error: unknown) => {
        const trail = await db.taskEvent.findMany({
          where: { taskId },
          orderBy: { id: "asc" },
          select: { kind: true, data: true },
        });
        throw new Error(
          `${String(error)}; task=${JSON.stringify(await db.task.findUnique({ where: { id: taskId } }))}; ` +
            `trail=${JSON.stringify(trail.slice(-3))}`,
        );
      });

    const task = await db.task.findUniqueOrThrow({ where: { id: taskId } });
    const trail = await db.taskEvent.findMany({
      where: { taskId },
      orderBy: { id: "asc" },
      select: { kind: true, data: true },
    });
    expect(task.state, JSON.stringify({ statusMessage: task.statusMessage, trail: trail.slice(-4) })).toBe("COMPLETED");
    expect(received.length - receivedBefore).toBe(1);
    expect(await walletOf(buyer.org.id)).toMatchObject({ ORG_WALLET: 160, ORG_HOLDS: 0 });
    expect((await walletOf(sellerOrg.id)).SELLER_PENDING).toBe(32);
    expect(await checkLedger(db)).toMatchObject({ ok: true });
  }, 90_000);

  it("settles every accepted task exactly once when the process is killed under load", async () => {
    const streaming = await publishDemoAgent("northwind-research-analyst", 40);
    const blocking = await publishDemoAgent("northwind-data-analyst", 25);
    const perAgent = 30;
    const buyer = await buyerWithCredits(10_000);
    const executorId = `crash-load-${crypto.randomUUID()}`;
    const receivedBefore = received.length;

    // 60 tasks started at once in a process running them in-process, half on
    // a streaming agent (several progress steps), half on a non-streaming one.
    const load = spawn(
      process.execPath,
      [
        ...SERVER_NODE_ARGS,
        "tests/support/engine-process.ts",
        "load",
        buyer.org.id,
        buyer.user.id,
        String(perAgent),
        streaming.agent.id,
        blocking.agent.id,
      ],
      {
        cwd: root,
        env: { ...process.env, JOBS_EXECUTOR_ID: executorId, LOG_LEVEL: "silent" },
        stdio: ["ignore", "pipe", "inherit"],
      },
    );
    children.push(load);
    const accepted = new Map<string, string>();
    createInterface({ input: load.stdout! }).on("line", (line) => {
      const parsed = JSON.parse(line) as { taskId?: string; messageId?: string };
      if (parsed.taskId) accepted.set(parsed.taskId, parsed.messageId!);
    });
    // Kill it mid-load: every task accepted, some already settled, most still running.
    await expect.poll(() => accepted.size, { timeout: 30_000, interval: 5 }).toBe(2 * perAgent);
    load.kill("SIGKILL");
    await new Promise((resolve) => load.once("exit", resolve));
    const ids = [...accepted.keys()];
    const unsettledAtKill = await db.task.count({ where: { id: { in: ids }, settledAt: null } });
    expect(unsettledAtKill).toBeGreaterThan(0);

    await engineProcess(["recover"], executorId);
    await expect
      .poll(() => db.task.count({ where: { id: { in: ids }, settledAt: null } }), { timeout: 60_000, interval: 100 })
      .toBe(0);

    const tasks = await db.task.findMany({
      where: { id: { in: ids } },
      select: { id: true, state: true, price: true, clientMessageId: true, runnerId: true },
    });
    // Every accepted task ended, and it ended by finishing its work.
    expect(tasks.map((t) => t.state)).toEqual(ids.map(() => "COMPLETED"));
    expect(tasks.every((t) => t.runnerId === null)).toBe(true);
    // Billed once: one captured hold and one capture posting per task, nothing left held.
    const holds = await db.creditHold.findMany({ where: { taskId: { in: ids } }, select: { status: true } });
    expect(holds.map((h) => h.status)).toEqual(ids.map(() => "CAPTURED"));
    expect(await db.ledgerTransaction.count({ where: { key: { in: ids.map((id) => `capture:${id}`) } } })).toBe(
      ids.length,
    );
    const charged = tasks.reduce((sum, t) => sum + t.price, 0);
    expect(await walletOf(buyer.org.id)).toMatchObject({ ORG_WALLET: 10_000 - charged, ORG_HOLDS: 0 });
    expect(await checkLedger(db)).toMatchObject({ ok: true });
    // The agents got each task's message, and any second delivery was a retry with the same messageId.
    const got = received.slice(receivedBefore);
    const messageIds = new Set(accepted.values());
    expect(got.filter((m) => !messageIds.has(m))).toEqual([]);
    expect(new Set(got).size).toBe(ids.length);
  }, 120_000);
});
