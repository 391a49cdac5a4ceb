import "server-only";
import { db } from "../../../../db";
import { isDomainError } from "../../../../errors";
import { startTask } from "../../../tasks/start-task";
import type { NodeOf } from "../../../../schemas/workflow-graph";
import { askDepartment } from "../../../company/requests/ask-department";
import { noteRequestProgress, parentOfRunTasks } from "../../../company/requests/request-progress";
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
  const listing = await findTarget(run.orgId, target);
  if (!resumed) {
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
            listing: listing?.name ?? targetLabel(target),
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
      const message = {
        messageId: messageIdOf(run, at, attempt),
        role: "user" as const,
        parts: [{ kind: "text" as const, text: rendered.value }],
      };
      const actor = { kind: "workflow" as const, userId: run.createdById, runId: run.id };
      // A plan's steps are children of its request's task.
      const parent = await parentOfRunTasks(run.id);
      const task =
        target.kind === "department"
          ? await askDepartment({
              orgId: run.orgId,
              departmentSlug: target.slug,
              message,
              actor,
              source: "WORKFLOW",
              parent,
            })
          : await startTask({
              orgId: run.orgId,
              agent: target.kind === "listing" ? { slug: target.slug } : { id: listing?.agentId ?? "" },
              ...(target.kind === "position" ? { positionId: target.positionId } : {}),
              message,
              actor,
              source: "WORKFLOW",
              parent,
            });
      taskId = task.id;
      await noteRequestProgress(run.id, `Started “${node.name}” with ${listing?.name ?? targetLabel(target)}.`);
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
    await noteRequestProgress(run.id, `“${node.name}” is done.`);
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

type Target = NodeOf<"agent">["config"]["target"];

const targetLabel = (target: Target) =>
  target.kind === "listing"
    ? target.slug
    : target.kind === "position"
      ? `position ${target.positionId}`
      : `${target.slug} department`;

/**
 * What the step calls, for its price and name: the listing startTask will
 * find (published, or the org's own and not paused), the org's active
 * position (its agent's price), or the org's department (price 0: its
 * manager's children hold their own).
 */
async function findTarget(
  orgId: string,
  target: Target,
): Promise<{ pricePerTask: number; name: string; agentId: string | null } | null> {
  if (target.kind === "listing") {
    const agent = await db.agent.findFirst({
      where: {
        slug: target.slug,
        OR: [{ status: "PUBLISHED" }, { orgId, status: { notIn: ["PAUSED", "SUSPENDED"] } }],
      },
      select: { pricePerTask: true, name: true, id: true },
    });
    return agent && { pricePerTask: agent.pricePerTask, name: agent.name, agentId: agent.id };
  }
  if (target.kind === "position") {
    const position = await db.position.findFirst({
      where: { id: target.positionId, orgId, status: "ACTIVE" },
      select: {
        title: true,
        agent: { select: { id: true, pricePerTask: true } },
        department: { select: { name: true } },
      },
    });
    return (
      position && {
        pricePerTask: position.agent.pricePerTask,
        name: `${position.title} (${position.department.name})`,
        agentId: position.agent.id,
      }
    );
  }
  const department = await db.department.findFirst({
    where: { orgId, slug: target.slug, archivedAt: null },
    select: { name: true },
  });
  return department && { pricePerTask: 0, name: department.name, agentId: null };
}
