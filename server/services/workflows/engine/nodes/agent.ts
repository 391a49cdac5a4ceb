import "server-only";
import { db } from "../../../../db";
import { isDomainError } from "../../../../errors";
import { startTask } from "../../../tasks/start-task";
import { renderTemplate } from "../../graph/expressions";
import { overBudgetMessage, reserveBudget, settleStepCost } from "../budget";
import { cancelStepTask } from "../cancel-work";
import { fail, scopeOf, succeed, withExpressions, type NodeExecutor } from "../node-context";
import { linkStepTask, writeStep } from "../step-rows";
import { taskResult, waitForTaskEnd } from "../task-outcome";
import { attemptFailed, attemptState, type AttemptState } from "./agent-attempt";

/**
 * One attempt of an agent step, inside one durable step: reserve the price
 * within the run's budget cap, start the task through startTask (so it is
 * authorized, held, billed and shown like every task), wait for it to end,
 * and record its result. Replaying the step after a crash resumes the same
 * attempt: the message id is fixed per (run, generation, node, element,
 * attempt), so startTask returns the task it already started.
 */
export const runAgent: NodeExecutor<"agent"> = async (ctx) => {
  const { run, node, at } = ctx;
  const target = node.config.target;
  if (target.kind !== "listing") {
    await fail(ctx, {
      message: `Agent steps that call a ${target.kind} arrive with departments; choose a marketplace listing for now.`,
    });
    return;
  }
  const resumed = ctx.row?.state === "RUNNING" ? ctx.row : null;
  const attempt = resumed ? resumed.attempt : (ctx.row?.attempt ?? 0) + 1;
  const firstAttempt = attemptState(ctx.row?.data)?.firstAttempt ?? attempt;

  if (!resumed && (await cancelRequested(run.id))) {
    await writeStep(run, at, { to: "CANCELED", from: ["PENDING", "WAITING"] });
    return;
  }
  const scope = await scopeOf(ctx);
  const rendered = await withExpressions(ctx, "config.template", () => renderTemplate(node.config.template, scope));
  if (!rendered.ok) return;

  let stepRunId = resumed?.id ?? null;
  if (!resumed) {
    const listing = await findListing(run.orgId, target.slug);
    const price = listing?.pricePerTask ?? 0;
    let overBudget = false;
    const started = await writeStep(
      run,
      at,
      {
        to: "RUNNING",
        from: ["PENDING", "WAITING"],
        attempt,
        // A new attempt starts a new task: the last attempt's task stays in the org's task list.
        taskId: null,
        costCredits: price,
        error: null,
        data: { firstAttempt } satisfies AttemptState,
      },
      async (tx) => {
        overBudget = !(await reserveBudget(tx, run.id, price));
        return !overBudget;
      },
    );
    if (overBudget) {
      const spent = (await db.workflowRun.findUnique({ where: { id: run.id }, select: { spentCredits: true } }))
        ?.spentCredits;
      await fail(
        ctx,
        {
          message: overBudgetMessage({
            price,
            spent: spent ?? run.spentCredits,
            cap: run.budgetCapCredits ?? 0,
            listing: listing?.name ?? target.slug,
          }),
        },
        ["PENDING", "WAITING"],
      );
      return;
    }
    if (!started) return; // canceled meanwhile (the run, or a join's race)
    stepRunId = started.id;
  }

  let taskId = resumed?.taskId ?? null;
  if (!taskId) {
    try {
      const task = await startTask({
        orgId: run.orgId,
        agent: { slug: target.slug },
        message: {
          messageId: messageIdOf(run, at, attempt),
          role: "user",
          parts: [{ kind: "text", text: rendered.value }],
        },
        actor: { kind: "workflow", userId: run.createdById, runId: run.id },
        source: "WORKFLOW",
      });
      taskId = task.id;
    } catch (error) {
      // A refusal (no credits, over a monthly budget, agent paused) is this attempt's outcome.
      if (!isDomainError(error)) throw error;
      await settleStepCost(stepRunId!, run.id, { state: "FAILED", price: 0 });
      await attemptFailed(ctx, attempt, firstAttempt, error.message);
      return;
    }
    const state = await linkStepTask(run.id, at, taskId);
    // Canceled between the reservation and the start: the task must not run on.
    if (state !== "RUNNING" || (await cancelRequested(run.id))) await cancelStepTask(run.orgId, taskId);
  }

  let inputRequired: string | null = null;
  const ended = await waitForTaskEnd({
    orgId: run.orgId,
    taskId,
    onInputRequired: async (question) => {
      inputRequired = question ?? "the agent asked for more input";
      await cancelStepTask(run.orgId, taskId);
    },
  });
  await settleStepCost(stepRunId!, run.id, ended);
  if (ended.state === "COMPLETED") {
    const result = await taskResult(taskId);
    await succeed(ctx, result, ["RUNNING"]);
    return;
  }
  const row = await db.workflowStepRun.findUnique({ where: { id: stepRunId! }, select: { state: true } });
  if (row?.state !== "RUNNING") return; // canceled: the canceller recorded it
  if (ended.state === "CANCELED" && inputRequired === null && (await cancelRequested(run.id))) {
    await writeStep(run, at, { to: "CANCELED", from: ["RUNNING"] });
    return;
  }
  const reason =
    inputRequired !== null
      ? `The agent asked for input ("${inputRequired}"), which a workflow step cannot give; ` +
        "put what it needs in the step's message."
      : `The agent's task ${ended.state.toLowerCase()}${ended.statusMessage ? `: ${ended.statusMessage}` : "."}`;
  await attemptFailed(ctx, attempt, firstAttempt, reason);
};

/** Deterministic per attempt: a replayed step finds the task it started instead of starting another. */
export const messageIdOf = (
  run: { id: string; generation: number },
  at: { nodeId: string; iterationKey: string },
  attempt: number,
) => `workflow:${run.id}:${run.generation}:${at.nodeId}:${at.iterationKey || "-"}:${attempt}`;

async function cancelRequested(runId: string): Promise<boolean> {
  const run = await db.workflowRun.findUnique({
    where: { id: runId },
    select: { cancelRequestedAt: true, state: true },
  });
  return !run || run.cancelRequestedAt !== null || run.state === "CANCELED";
}

/** The listing startTask will find (published, or the org's own and not paused), for its price and name. */
function findListing(orgId: string, slug: string) {
  return db.agent.findFirst({
    where: { slug, OR: [{ status: "PUBLISHED" }, { orgId, status: { notIn: ["PAUSED", "SUSPENDED"] } }] },
    select: { pricePerTask: true, name: true },
  });
}
