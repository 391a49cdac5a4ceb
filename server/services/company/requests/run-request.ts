import "server-only";
import { messageText, type BureauMessage } from "../../../a2a/bureau-format";
import { db } from "../../../db";
import type { InputJsonValue } from "../../../generated/prisma/internal/prismaNamespace";
import { logger } from "../../../logger";
import type { WorkflowGraph } from "../../../schemas/workflow-graph";
import { writeTask } from "../../tasks/write-task";
import { decide } from "../manager/decide";
import { decideWithPositionReply, positionManagerRequest } from "../manager/position-manager";
import type { ManagerInput } from "../manager/types";
import { startTask } from "../../tasks/start-task";
import { requestCancel } from "../../tasks/cancel-task";
import { taskResult, waitForTaskEnd } from "../../workflows/engine/task-outcome";
import type { ManagerDecision, ManagerRecord } from "../manager/types";
import { managerStatus } from "./ask-department";
import { loadManagerInput } from "./manager-input";
import { startPlanRun } from "./plan-run";
import { withAcceptance } from "./plan-acceptance";

/** What a MANAGER task records of each turn's decision (Task.managerRecord). */
export interface StoredDecision {
  turn: number;
  record: ManagerRecord;
  decision: ManagerDecision;
  /** The request as the manager read it (every message the buyer sent, in order). */
  request: string;
  decidedAt: string;
  /** A position asked directly: its route runs at once (its approval, if any, is in the graph). */
  direct?: boolean;
}

/** The company's own threshold: a company plan always waits for an owner or admin to accept it. */
export const COMPANY_PLAN_AUTO_RUN_CREDITS = 0;

const SELECT = {
  id: true,
  orgId: true,
  kind: true,
  state: true,
  turn: true,
  departmentId: true,
  workflowRunId: true,
  managerRecord: true,
  createdById: true,
  apiKeyId: true,
  events: { where: { kind: "message" }, orderBy: { id: "asc" }, select: { data: true } },
} as const;

/**
 * The manager's turn of a department request (durable step 1): reads the
 * request (with every reply to its questions), decides, and records the
 * decision on the task. A replay of the same turn finds it recorded and
 * decides nothing again (an LLM would answer differently).
 */
export async function decideRequest(taskId: string, turn: number): Promise<StoredDecision | null> {
  const task = await db.task.findUnique({ where: { id: taskId }, select: SELECT });
  if (!task || task.kind !== "MANAGER" || task.turn !== turn || task.state !== "WORKING") return null;
  const stored = task.managerRecord as unknown as StoredDecision | null;
  if (stored?.turn === turn) return stored;
  const department = task.departmentId
    ? await db.department.findUnique({
        where: { id: task.departmentId },
        select: { slug: true, managerPositionId: true },
      })
    : null;
  const request = task.events
    .map((e) => messageText((e.data as { message?: BureauMessage }).message))
    .filter((t) => t.trim())
    .join("\n\n");
  const input = await loadManagerInput(
    task.orgId,
    department ? { kind: "department", slug: department.slug } : { kind: "company" },
    request,
  );
  const { decision, record } = department?.managerPositionId
    ? await askManagingPosition(task, turn, department.managerPositionId, input)
    : await decide(input);
  const next: StoredDecision = { turn, record, decision, request, decidedAt: new Date().toISOString() };
  await db.task.updateMany({
    where: { id: taskId, turn, state: "WORKING" },
    data: { managerRecord: next as unknown as InputJsonValue },
  });
  return next;
}

/**
 * Acts on the recorded decision (durable step 2): a question puts the task in
 * INPUT_REQUIRED with it; a route or a plan starts the plan's run, behind an
 * acceptance step when its price is above the department's auto-run
 * threshold. Idempotent: the run's idempotency key is the task and turn.
 */
export async function actOnDecision(taskId: string, turn: number): Promise<void> {
  const task = await db.task.findUnique({ where: { id: taskId }, select: SELECT });
  if (!task || task.kind !== "MANAGER" || task.turn !== turn) return;
  const stored = task.managerRecord as unknown as StoredDecision | null;
  if (!stored || stored.turn !== turn) return;
  const { decision } = stored;
  if (decision.kind === "question") {
    await writeTask({
      taskId,
      orgId: task.orgId,
      status: managerStatus("INPUT_REQUIRED", ["WORKING"], decision.question),
    });
    return;
  }
  if (task.state !== "WORKING" || task.workflowRunId) return;
  const department = task.departmentId
    ? await db.department.findUnique({
        where: { id: task.departmentId },
        select: { name: true, planAutoRunCredits: true, leads: { select: { userId: true } } },
      })
    : null;
  const threshold = department ? department.planAutoRunCredits : COMPANY_PLAN_AUTO_RUN_CREDITS;
  const gated = !stored.direct && decision.estimate.maxCredits > threshold;
  const acceptor = department ? `a lead of ${department.name}` : "an owner or admin";
  const graph: WorkflowGraph = gated
    ? withAcceptance(decision.graph, {
        request: stored.request,
        summary: describeDecision(decision),
        estimate: decision.estimate,
        approverUserIds: department?.leads.map((l) => l.userId) ?? [],
      })
    : decision.graph;
  const run = await startPlanRun({
    orgId: task.orgId,
    taskId,
    turn,
    graph,
    request: stored.request,
    createdById: task.createdById,
    apiKeyId: task.apiKeyId,
  });
  logger.info({ taskId, runId: run.id, kind: decision.kind, gated }, "department request planned");
  await writeTask({
    taskId,
    orgId: task.orgId,
    status: managerStatus(
      "WORKING",
      ["WORKING"],
      `${describeDecision(decision)}${gated ? `\n\nThe plan waits for ${acceptor} to accept it.` : ""}`,
      { logRepeats: true },
    ),
  });
}

const credits = (n: number) => `${n.toLocaleString("en-US")} credit${n === 1 ? "" : "s"}`;

/** The decision in a sentence or a list: what the task's status says and the acceptance step shows. */
export function describeDecision(decision: Exclude<ManagerDecision, { kind: "question" }>): string {
  const price =
    decision.estimate.minCredits === decision.estimate.maxCredits
      ? credits(decision.estimate.maxCredits)
      : `${decision.estimate.minCredits.toLocaleString("en-US")}–${credits(decision.estimate.maxCredits)}`;
  if (decision.kind === "route") return `Routed: ${decision.reason} (${price}).`;
  const lines = decision.parts.map(
    (p, i) =>
      `${i + 1}. ${p.text} → ${p.departmentSlug}` +
      `${p.dependsOn.length ? ` (after ${p.dependsOn.join(", ")})` : ""}${p.needsApproval ? ", needs approval" : ""}`,
  );
  return `Plan of ${decision.parts.length} parts (${price}):\n${lines.join("\n")}`;
}

/** After the manager's last retry failed: the request fails (nothing was held for it), the details go to the log. */
export async function failRequest(taskId: string, error: Error): Promise<void> {
  logger.error({ err: error, taskId }, "department request failed in its manager");
  await writeTask({
    taskId,
    status: managerStatus(
      "FAILED",
      ["WORKING", "SUBMITTED"],
      "The manager could not handle this request because of an internal error; send it again.",
    ),
    actor: { kind: "system", id: "manager" },
  });
}

/**
 * A department that names one of its positions as its manager: Bureau asks
 * that agent for the plan (docs/manager.md has the JSON shape), as a billed
 * child task of the request, and reads its answer; an unusable answer (or a
 * failed task) falls back to Bureau's deterministic manager, with the reason
 * recorded. The message id is fixed per request and turn, so a replay waits
 * for the same task instead of asking again.
 */
async function askManagingPosition(
  task: { id: string; orgId: string; createdById: string | null },
  turn: number,
  positionId: string,
  input: ManagerInput,
) {
  const request = await db.task.findUniqueOrThrow({
    where: { id: task.id },
    select: { rootTaskId: true, depth: true },
  });
  let child: { id: string };
  try {
    child = await startTask({
      orgId: task.orgId,
      agent: { id: "" },
      positionId,
      message: {
        messageId: `manager:${task.id}:${turn}`,
        role: "user",
        parts: [{ kind: "text", text: positionManagerRequest(input) }],
      },
      actor: { kind: "workflow", userId: task.createdById, runId: `request:${task.id}` },
      source: "WORKFLOW",
      parent: {
        taskId: task.id,
        rootTaskId: request.rootTaskId ?? task.id,
        depth: request.depth,
        treeCapCredits: null,
      },
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const fallback = await decide(input, { llm: null });
    return {
      decision: fallback.decision,
      record: {
        manager: "deterministic" as const,
        fallbackReason: `The managing position could not be asked: ${reason}`,
      },
    };
  }
  const ended = await waitForTaskEnd({
    orgId: task.orgId,
    taskId: child.id,
    // A manager asking its own question cannot be answered here: its plan is what was asked for.
    onInputRequired: () => requestCancel({ orgId: task.orgId, taskId: child.id }),
  });
  if (ended.state !== "COMPLETED") {
    const fallback = await decide(input, { llm: null });
    return {
      decision: fallback.decision,
      record: {
        manager: "deterministic" as const,
        fallbackReason: `The managing position's task ${ended.state.toLowerCase()}.`,
      },
    };
  }
  return decideWithPositionReply((await taskResult(child.id)).output, input);
}
