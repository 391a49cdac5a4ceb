import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import type * as SendModule from "@/server/jobs/send";
import type { JobEvent } from "@/server/jobs/types";
import { startTask } from "@/server/services/tasks/start-task";
import { cancelWorkflowRun } from "@/server/services/workflows/cancel-workflow-run";
import { getWorkflowRun } from "@/server/services/workflows/get-workflow-run";
import { listWorkflowRuns } from "@/server/services/workflows/list-workflow-runs";
import { retryWorkflowRun } from "@/server/services/workflows/retry-workflow-run";
import { startWorkflowRun } from "@/server/services/workflows/start-workflow-run";
import { createWorkflow } from "@/server/services/workflows/create-workflow";
import { startAppServer } from "../../support/app-server";
import { sellerAgent } from "../../support/billing-fixtures";
import { addMember, callerFor, createUser } from "../../support/factories";
import { buyerWithCredits, publishDemoAgent, walletOf } from "../../support/task-fixtures";
import { agentGraph, publishedWorkflow, publishNext } from "./workflow-fixtures";

/** Every durable event the services send, passed on to the real engine. */
const sent = vi.hoisted(() => [] as JobEvent[]);
vi.mock("@/server/jobs/send", async (importOriginal) => {
  const real = await importOriginal<typeof SendModule>();
  return {
    sendEvent: async (events: JobEvent | JobEvent[]) => {
      sent.push(...(Array.isArray(events) ? events : [events]));
      await real.sendEvent(events);
    },
  };
});

// The real engine and task runner, so a cancelled task releases its hold the
// way it does in production; the workflow engine's own functions are left out,
// so runs stay exactly as these services leave them.
let server: Awaited<ReturnType<typeof startAppServer>> | undefined;
beforeAll(async () => {
  const { startJobEngine } = await import("@/server/jobs/engine");
  const { allFunctions } = await import("@/inngest/functions");
  await startJobEngine(allFunctions.filter((fn) => !fn.config.id.includes("workflow")));
  const { taskRunner } = await import("@/server/services/tasks/task-runner");
  await taskRunner.start();
  server = await startAppServer();
}, 60_000);
afterAll(async () => {
  const { stopJobEngine } = await import("@/server/jobs/engine");
  const { taskRunner } = await import("@/server/services/tasks/task-runner");
  await taskRunner.stop();
  await server?.close();
  await stopJobEngine();
});

const as = (userId: string) => ({ kind: "user" as const, userId });
const startedFor = (runId: string) =>
  sent.filter((e) => e.name === "workflow/run.started" && e.data && (e.data as { runId: string }).runId === runId);

async function buyerFlow() {
  const { agent } = await sellerAgent(30);
  const buyer = await buyerWithCredits(500);
  const workflow = await publishedWorkflow(buyer.org.id, buyer.user.id, agentGraph(agent.slug, "version one"));
  return { agent, buyer, workflow };
}

describe("workflow runs", () => {
  it("pins a run to the version it started on: publishing v2 changes only later runs", async () => {
    const { agent, buyer, workflow } = await buyerFlow();
    const actor = as(buyer.user.id);
    const first = await startWorkflowRun({
      orgId: buyer.org.id,
      actor,
      workflowId: workflow.id,
      input: { topic: "tea" },
      trigger: "MANUAL",
    });
    expect(first).toMatchObject({ versionNumber: 1, created: true });
    await publishNext(buyer.org.id, buyer.user.id, workflow.id, agentGraph(agent.slug, "version two"));
    const second = await startWorkflowRun({
      orgId: buyer.org.id,
      actor,
      workflowId: workflow.id,
      input: {},
      trigger: "MANUAL",
    });
    expect(second.versionNumber).toBe(2);

    const run1 = await getWorkflowRun({ orgId: buyer.org.id, actor, runId: first.id });
    const run2 = await getWorkflowRun({ orgId: buyer.org.id, actor, runId: second.id });
    expect(run1).toMatchObject({ versionNumber: 1, state: "PENDING", input: { topic: "tea" }, spentCredits: 0 });
    expect(JSON.stringify(run1.graph)).toContain("version one");
    expect(JSON.stringify(run2.graph)).toContain("version two");
    expect(startedFor(first.id).map((e) => e.id)).toEqual([`workflow-run:${first.id}:1`]);

    const started = await db.event.findFirstOrThrow({ where: { orgId: buyer.org.id, subjectId: first.id } });
    expect(started).toMatchObject({
      type: "workflow_run.started",
      actorKind: "user",
      data: {
        workflowId: workflow.id,
        version: 1,
        trigger: "MANUAL",
        generation: 1,
        budgetCapCredits: null,
        parentRunId: null,
      },
    });
  });

  it("returns the same run for a repeated Idempotency-Key, even when both starts race", async () => {
    const { buyer, workflow } = await buyerFlow();
    const start = () =>
      startWorkflowRun({
        orgId: buyer.org.id,
        actor: { kind: "apiKey", apiKeyId: "key-1", scopes: ["workflows:run"] },
        workflowId: workflow.id,
        input: { n: 1 },
        trigger: "API",
        idempotencyKey: "order-42",
      });
    const [a, b] = await Promise.all([start(), start()]);
    const c = await start();
    expect(new Set([a.id, b.id, c.id]).size).toBe(1);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    expect(c.created).toBe(false);
    expect(await db.workflowRun.count({ where: { orgId: buyer.org.id } })).toBe(1);
    // While it is still PENDING, a repeat re-sends the same start event (the engine runs it once).
    expect(new Set(startedFor(a.id).map((e) => e.id))).toEqual(new Set([`workflow-run:${a.id}:1`]));

    const otherFlow = await createWorkflow({
      orgId: buyer.org.id,
      actor: as(buyer.user.id),
      source: { kind: "blank" },
    });
    await expect(
      startWorkflowRun({
        orgId: buyer.org.id,
        actor: as(buyer.user.id),
        workflowId: otherFlow.id,
        input: {},
        trigger: "MANUAL",
        idempotencyKey: "order-42",
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    await expect(
      startWorkflowRun({
        orgId: buyer.org.id,
        actor: as(buyer.user.id),
        workflowId: workflow.id,
        input: {},
        trigger: "MANUAL",
        idempotencyKey: "has space",
      }),
    ).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("refuses an unpublished workflow, a key without workflows:run and a viewer, writing nothing", async () => {
    const { buyer, workflow } = await buyerFlow();
    const draftOnly = await createWorkflow({
      orgId: buyer.org.id,
      actor: as(buyer.user.id),
      source: { kind: "blank" },
    });
    await expect(
      startWorkflowRun({
        orgId: buyer.org.id,
        actor: as(buyer.user.id),
        workflowId: draftOnly.id,
        input: {},
        trigger: "MANUAL",
      }),
    ).rejects.toMatchObject({ code: "not_eligible", message: "Publish the workflow before running it." });
    await expect(
      startWorkflowRun({
        orgId: buyer.org.id,
        actor: { kind: "apiKey", apiKeyId: "key-2", scopes: ["workflows:read", "tasks:read"] },
        workflowId: workflow.id,
        input: {},
        trigger: "API",
      }),
    ).rejects.toMatchObject({ code: "missing_scope" });
    const viewer = await createUser("Viewer");
    await addMember(buyer.org.id, viewer.id, "viewer");
    const asViewer = await callerFor(viewer.email);
    await expect(asViewer.workflows.runs.start({ orgId: buyer.org.id, workflowId: workflow.id })).rejects.toMatchObject(
      {
        code: "FORBIDDEN",
      },
    );
    await expect(
      startWorkflowRun({
        orgId: buyer.org.id,
        actor: as(viewer.id),
        workflowId: workflow.id,
        input: {},
        trigger: "MANUAL",
      }),
    ).rejects.toMatchObject({ code: "forbidden" });
    expect(await db.workflowRun.count({ where: { orgId: buyer.org.id } })).toBe(0);
    // The viewer still sees runs others start.
    const owner = await callerFor(buyer.user.email);
    const run = await owner.workflows.runs.start({ orgId: buyer.org.id, workflowId: workflow.id, input: { a: 1 } });
    expect((await asViewer.workflows.runs.get({ orgId: buyer.org.id, runId: run.id })).input).toEqual({ a: 1 });
    await expect(asViewer.workflows.runs.cancel({ orgId: buyer.org.id, runId: run.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("lists runs by workflow and state a page at a time, and treats another org's run as not found", async () => {
    const { buyer, workflow } = await buyerFlow();
    const actor = as(buyer.user.id);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++)
      ids.push(
        (
          await startWorkflowRun({
            orgId: buyer.org.id,
            actor,
            workflowId: workflow.id,
            input: { i },
            trigger: "MANUAL",
          })
        ).id,
      );
    await db.workflowRun.update({ where: { id: ids[0]! }, data: { state: "SUCCEEDED", finishedAt: new Date() } });
    const page1 = await listWorkflowRuns({ orgId: buyer.org.id, actor, workflowId: workflow.id, limit: 2 });
    const page2 = await listWorkflowRuns({
      orgId: buyer.org.id,
      actor,
      workflowId: workflow.id,
      limit: 2,
      cursor: page1.nextCursor,
    });
    expect([...page1.items, ...page2.items].map((r) => r.id)).toEqual([...ids].reverse());
    expect(page1.items[0]).toMatchObject({ workflowName: "Fixture flow", versionNumber: 1, trigger: "MANUAL" });
    const done = await listWorkflowRuns({ orgId: buyer.org.id, actor, state: "SUCCEEDED", limit: 10 });
    expect(done.items.map((r) => r.id)).toEqual([ids[0]]);

    const other = await buyerWithCredits(0);
    const otherActor = as(other.user.id);
    expect((await listWorkflowRuns({ orgId: other.org.id, actor: otherActor, limit: 10 })).items).toEqual([]);
    for (const call of [
      () => getWorkflowRun({ orgId: other.org.id, actor: otherActor, runId: ids[1]! }),
      () => cancelWorkflowRun({ orgId: other.org.id, actor: otherActor, runId: ids[1]! }),
      () => retryWorkflowRun({ orgId: other.org.id, actor: otherActor, runId: ids[1]! }),
      () =>
        startWorkflowRun({
          orgId: other.org.id,
          actor: otherActor,
          workflowId: workflow.id,
          input: {},
          trigger: "MANUAL",
        }),
    ])
      await expect(call()).rejects.toMatchObject({ code: "not_found" });
    expect((await db.workflowRun.findUniqueOrThrow({ where: { id: ids[1]! } })).state).toBe("PENDING");
  });

  it("retries a failed run as a new generation: failed steps back to pending, succeeded ones kept", async () => {
    const { buyer, workflow } = await buyerFlow();
    const actor = as(buyer.user.id);
    const { id } = await startWorkflowRun({
      orgId: buyer.org.id,
      actor,
      workflowId: workflow.id,
      input: {},
      trigger: "MANUAL",
    });
    // What the engine leaves behind when a step fails.
    await db.workflowRun.update({
      where: { id },
      data: { state: "FAILED", finishedAt: new Date(), error: { message: "Research failed.", nodeId: "research" } },
    });
    await db.workflowStepRun.createMany({
      data: [
        { runId: id, nodeId: "start", state: "SUCCEEDED", attempt: 1, output: "" },
        {
          runId: id,
          nodeId: "research",
          state: "FAILED",
          attempt: 1,
          taskId: crypto.randomUUID(),
          error: { message: "Agent failed." },
        },
      ],
    });
    const failed = await getWorkflowRun({ orgId: buyer.org.id, actor, runId: id });
    expect(failed.error).toEqual({ message: "Research failed.", nodeId: "research", field: null, position: null });

    expect(await retryWorkflowRun({ orgId: buyer.org.id, actor, runId: id })).toEqual({ id, generation: 2 });
    const run = await getWorkflowRun({ orgId: buyer.org.id, actor, runId: id });
    expect(run).toMatchObject({ state: "RUNNING", generation: 2, error: null, finishedAt: null });
    expect(run.steps.map((s) => [s.nodeId, s.state, s.taskId, s.error])).toEqual([
      ["start", "SUCCEEDED", null, null],
      ["research", "PENDING", null, null],
    ]);
    expect(startedFor(id).map((e) => e.id)).toEqual([`workflow-run:${id}:1`, `workflow-run:${id}:2`]);
    await expect(retryWorkflowRun({ orgId: buyer.org.id, actor, runId: id })).rejects.toMatchObject({
      code: "not_eligible",
      message: "Only a failed run can be retried; this one is running.",
    });
    const types = await db.event.findMany({ where: { orgId: buyer.org.id, subjectId: id }, orderBy: { id: "asc" } });
    expect(types.map((e) => e.type)).toEqual([
      "workflow_run.started",
      "workflow_run.started",
      "workflow_run.state_changed",
      "workflow_step.state_changed",
    ]);
  });

  it("cancel stops the run and its open steps, cancels the in-flight task and releases its hold", async () => {
    const { agent } = await publishDemoAgent("northwind-research-analyst", 40);
    const buyer = await buyerWithCredits(100);
    const actor = as(buyer.user.id);
    const workflow = await publishedWorkflow(buyer.org.id, buyer.user.id, agentGraph(agent.slug));
    const { id: runId } = await startWorkflowRun({
      orgId: buyer.org.id,
      actor,
      workflowId: workflow.id,
      input: {},
      trigger: "MANUAL",
    });
    // The agent step as the engine starts it: a task through startTask, linked from the step row.
    const task = await startTask({
      orgId: buyer.org.id,
      agent: { id: agent.id },
      message: { messageId: crypto.randomUUID(), role: "user", parts: [{ kind: "text", text: "Long report please" }] },
      actor: { kind: "workflow", userId: buyer.user.id, runId },
      source: "WORKFLOW",
    });
    await db.workflowRun.update({ where: { id: runId }, data: { state: "RUNNING", startedAt: new Date() } });
    await db.workflowStepRun.createMany({
      data: [
        { runId, nodeId: "start", state: "SUCCEEDED", attempt: 1 },
        { runId, nodeId: "research", state: "RUNNING", attempt: 1, taskId: task.id, startedAt: new Date() },
        { runId, nodeId: "result", state: "PENDING", attempt: 0 },
      ],
    });
    expect((await walletOf(buyer.org.id)).ORG_WALLET).toBe(60);

    expect(await cancelWorkflowRun({ orgId: buyer.org.id, actor, runId })).toEqual({
      canceled: true,
      tasksCanceled: 1,
    });
    const run = await getWorkflowRun({ orgId: buyer.org.id, actor, runId });
    expect(run.state).toBe("CANCELED");
    expect(run.cancelRequestedAt).not.toBeNull();
    expect(run.steps.map((s) => [s.nodeId, s.state])).toEqual([
      ["start", "SUCCEEDED"],
      ["research", "CANCELED"],
      ["result", "CANCELED"],
    ]);
    await expect.poll(async () => (await walletOf(buyer.org.id)).ORG_WALLET, { timeout: 15_000 }).toBe(100);
    expect((await db.creditHold.findUniqueOrThrow({ where: { taskId: task.id } })).status).toBe("RELEASED");
    expect((await db.task.findUniqueOrThrow({ where: { id: task.id } })).state).toBe("CANCELED");
    expect(sent).toContainEqual({
      name: "workflow/run.cancel-requested",
      id: `workflow-run-cancel:${runId}`,
      data: { runId },
    });

    await expect(cancelWorkflowRun({ orgId: buyer.org.id, actor, runId })).rejects.toMatchObject({
      code: "already_finished",
      message: "The run already ended (canceled).",
    });
    const stepEvents = await db.event.findMany({
      where: { orgId: buyer.org.id, subjectId: runId, type: "workflow_step.state_changed" },
      orderBy: { id: "asc" },
    });
    expect(stepEvents.map((e) => e.data as { nodeId: string; from: string; to: string })).toEqual([
      expect.objectContaining({ nodeId: "research", from: "RUNNING", to: "CANCELED", taskId: task.id }),
      expect.objectContaining({ nodeId: "result", from: "PENDING", to: "CANCELED" }),
    ]);
  });

  it("cancelling a parent run cancels its running sub-workflow runs", async () => {
    const { buyer, workflow } = await buyerFlow();
    const actor = as(buyer.user.id);
    const parent = await startWorkflowRun({
      orgId: buyer.org.id,
      actor,
      workflowId: workflow.id,
      input: {},
      trigger: "MANUAL",
    });
    const parentRow = await db.workflowRun.findUniqueOrThrow({ where: { id: parent.id } });
    const child = await db.workflowRun.create({
      data: {
        orgId: buyer.org.id,
        workflowId: workflow.id,
        versionId: parentRow.versionId,
        graph: parentRow.graph ?? {},
        input: {},
        trigger: "SUBWORKFLOW",
        state: "RUNNING",
        parentRunId: parent.id,
        parentNodeId: "sub",
      },
    });
    await cancelWorkflowRun({ orgId: buyer.org.id, actor, runId: parent.id });
    expect((await db.workflowRun.findUniqueOrThrow({ where: { id: child.id } })).state).toBe("CANCELED");
  });
});
