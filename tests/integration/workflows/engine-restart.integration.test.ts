import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SERVER_NODE_ARGS } from "@/scripts/lib/server-node-args";
import { db } from "@/server/db";
import { checkLedger } from "@/server/services/ledger/check-ledger";
import { startAppServer } from "../../support/app-server";
import { buyerWithCredits, publishDemoAgent, walletOf } from "../../support/task-fixtures";
import { flow, node, probedDemoAgents, to, waitForRun, waitForStep } from "./engine-fixtures";
import { publishedWorkflow } from "./workflow-fixtures";

const root = path.resolve(import.meta.dirname, "../../..");
const agents = probedDemoAgents();
const children: ChildProcess[] = [];
let server: Awaited<ReturnType<typeof startAppServer>>;

// This process only serves the demo agents (it runs no engine: DBOS hands a
// recovered run to any process of the app); the run lives in the engine
// processes below, which are the app: the approver's decision goes through one.
beforeAll(async () => {
  server = await startAppServer([agents.route]);
}, 60_000);
afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  await server?.close();
});

function engineProcess(args: string[], executorId: string) {
  const child = spawn(
    process.execPath,
    [...SERVER_NODE_ARGS, "tests/integration/workflows/engine-restart-process.ts", ...args],
    {
      cwd: root,
      env: { ...process.env, JOBS_EXECUTOR_ID: executorId, LOG_LEVEL: process.env.ENGINE_LOG ?? "silent" },
      stdio: ["pipe", "pipe", "inherit"],
    },
  );
  children.push(child);
  const lines: Record<string, unknown>[] = [];
  const waiting: ((line: Record<string, unknown>) => void)[] = [];
  createInterface({ input: child.stdout! }).on("line", (text) => {
    const line = JSON.parse(text) as Record<string, unknown>;
    const next = waiting.shift();
    if (next) next(line);
    else lines.push(line);
  });
  const exited = new Promise<never>((_, reject) =>
    child.once("exit", (code) => reject(new Error(`engine process exited early (${code})`))),
  );
  exited.catch(() => undefined);
  /** The process's next line of output. */
  const next = () =>
    Promise.race([
      lines.length ? Promise.resolve(lines.shift()!) : new Promise<Record<string, unknown>>((r) => waiting.push(r)),
      exited,
    ]);
  const send = (command: unknown) => child.stdin!.write(`${JSON.stringify(command)}\n`);
  return { child, next, send };
}

async function kill(child: ChildProcess) {
  child.kill("SIGKILL");
  await new Promise((resolve) => child.once("exit", resolve));
}

describe("workflow runs survive an app restart", () => {
  it("resumes after a kill mid agent step and another while waiting for approval, each step run once", async () => {
    const research = await publishDemoAgent("northwind-research-analyst", 40);
    const writer = await publishDemoAgent("northwind-data-analyst", 10);
    const buyer = await buyerWithCredits(1_000);
    const graph = flow(
      [
        node.trigger(),
        node.agent("research", research.agent.slug, "Deep dive on {{ input.topic }}"),
        node.approval("signoff", "Go ahead with: {{ steps.research.output | truncate: 80 }}"),
        node.agent("figures", writer.agent.slug, "Figures for {{ input.topic }}: 4, 8, 15, 16"),
        node.output("result", "{{ steps.figures.output }}"),
      ],
      [to("start", "research"), to("research", "signoff"), to("signoff", "figures"), to("figures", "result")],
    );
    const workflow = await publishedWorkflow(buyer.org.id, buyer.user.id, graph, "Restart flow");
    const executorId = `workflow-restart-${crypto.randomUUID()}`;
    const researchProbe = agents.probe("northwind-research-analyst");
    const figuresProbe = agents.probe("northwind-data-analyst");
    // The research agent takes the task, says it is working, then holds its answer: the kill lands mid-step.
    researchProbe.holdAfterFirstChunkMs = 8_000;

    const first = engineProcess(["start", buyer.org.id, buyer.user.id, workflow.id], executorId);
    const runId = String((await first.next()).runId);
    const ours = (ids: string[]) => ids.filter((id) => id.startsWith(`workflow:${runId}:`));
    await waitForStep(runId, "research", "RUNNING");
    await expect
      .poll(
        async () => {
          const row = await db.workflowStepRun.findFirst({
            where: { runId, nodeId: "research" },
            select: { taskId: true },
          });
          const task = row?.taskId ? await db.task.findUnique({ where: { id: row.taskId } }) : null;
          return task ? `${task.state}:${task.sentTurn}` : null;
        },
        { timeout: 20_000, interval: 20 },
      )
      .toBe("WORKING:1");
    await kill(first.child);
    const mid = await db.workflowStepRun.findFirstOrThrow({ where: { runId, nodeId: "research" } });
    expect(mid.state).toBe("RUNNING");
    expect((await db.task.findUniqueOrThrow({ where: { id: mid.taskId! } })).settledAt).toBeNull();

    researchProbe.holdAfterFirstChunkMs = 0;
    const second = engineProcess(["recover"], executorId);
    await second.next();
    await waitForStep(runId, "signoff", "WAITING", "", 120_000);
    await expect.poll(() => db.approval.count({ where: { runId } })).toBe(1);
    expect((await db.workflowStepRun.findFirstOrThrow({ where: { runId, nodeId: "research" } })).state).toBe(
      "SUCCEEDED",
    );
    await kill(second.child);

    // The app comes back, and the approver decides through it: the run wakes from its durable wait.
    const third = engineProcess(["recover"], executorId);
    await third.next();
    const approval = await db.approval.findFirstOrThrow({ where: { runId } });
    third.send({ decide: { orgId: buyer.org.id, userId: buyer.user.id, approvalId: approval.id } });
    expect(await third.next()).toEqual({ decided: approval.id });
    const { run, steps } = await waitForRun(runId, undefined, 120_000);

    expect(run.state).toBe("SUCCEEDED");
    expect(Object.values(steps).map((s) => s.state)).toEqual(Array(5).fill("SUCCEEDED"));
    // One message per agent step: the resumed step found its task instead of starting another.
    expect(ours(researchProbe.messageIds)).toEqual([`workflow:${runId}:1:research:-:1`]);
    expect(ours(figuresProbe.messageIds)).toEqual([`workflow:${runId}:1:figures:-:1`]);
    const tasks = await db.task.findMany({
      where: { orgId: buyer.org.id },
      select: { state: true, hold: { select: { status: true } } },
    });
    expect(tasks.map((t) => [t.state, t.hold?.status])).toEqual([
      ["COMPLETED", "CAPTURED"],
      ["COMPLETED", "CAPTURED"],
    ]);
    const researchChanges = (
      await db.event.findMany({
        where: { subjectId: runId, type: "workflow_step.state_changed" },
        orderBy: { id: "asc" },
      })
    )
      .map((e) => e.data as { nodeId: string; to: string })
      .filter((d) => d.nodeId === "research")
      .map((d) => d.to);
    expect(researchChanges).toEqual(["RUNNING", "SUCCEEDED"]);
    expect(run.spentCredits).toBe(50);
    expect(await walletOf(buyer.org.id)).toMatchObject({ ORG_WALLET: 950, ORG_HOLDS: 0 });
    expect(await checkLedger(db)).toMatchObject({ ok: true });
  }, 360_000);
});
