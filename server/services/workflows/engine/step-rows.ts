import "server-only";
import { db, type Tx } from "../../../db";
import type { WorkflowStepState } from "../../../generated/prisma/enums";
import type { InputJsonValue } from "../../../generated/prisma/internal/prismaNamespace";
import { Prisma } from "../../../generated/prisma/client";
import type { NodeRunState } from "../../../schemas/workflow-graph";
import { eventTransaction } from "../../events/event-transaction";
import { recordEvent } from "../../events/record-event";
import type { RowView } from "./plan";
import { rowKey } from "./plan";
import { STEP_SELECT } from "../run-views";

/** One node's row in one run (per loop element: iterationKey). */
export interface StepRow {
  id: string;
  nodeId: string;
  iterationKey: string;
  state: WorkflowStepState;
  attempt: number;
  taskId: string | null;
  output: string | null;
  data: unknown;
  costCredits: number;
  error: unknown;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** The same columns the run views read, so a row the engine writes is a row the pages show. */
const SELECT = STEP_SELECT;

export const toNodeState = (state: WorkflowStepState) => state.toLowerCase() as NodeRunState;
export const ENDED_STEP_STATES: readonly WorkflowStepState[] = ["SUCCEEDED", "FAILED", "SKIPPED", "CANCELED"];
/** States a node that has not ended may be in. */
export const OPEN: readonly WorkflowStepState[] = ["PENDING", "RUNNING", "WAITING"];

export async function loadSteps(runId: string): Promise<StepRow[]> {
  return db.workflowStepRun.findMany({ where: { runId }, select: SELECT, orderBy: { createdAt: "asc" } });
}

export async function loadStep(runId: string, nodeId: string, iterationKey: string): Promise<StepRow | null> {
  return db.workflowStepRun.findUnique({
    where: { runId_nodeId_iterationKey: { runId, nodeId, iterationKey } },
    select: SELECT,
  });
}

/** The rows as the planner reads them. */
export function rowViews(rows: readonly StepRow[]): Map<string, RowView> {
  return new Map(
    rows.map((r) => [
      rowKey(r.nodeId, r.iterationKey),
      { state: toNodeState(r.state), output: r.output, data: r.data },
    ]),
  );
}

/** A step's error as stored and shown on the canvas: the node and, for template errors, the character. */
export interface StepError {
  message: string;
  nodeId: string;
  iterationKey?: string;
  /** The node's field at fault ("config.template", "config.expression", "config.items"). */
  field?: string;
  position?: { line: number; column: number; offset: number };
  /** The attempt that failed (agent steps). */
  attempt?: number;
}

export interface StepChange {
  to: WorkflowStepState;
  /** Only from these states (a missing row counts as PENDING); otherwise nothing changes. */
  from: readonly WorkflowStepState[];
  attempt?: number;
  taskId?: string | null;
  output?: string | null;
  data?: unknown;
  costCredits?: number;
  error?: StepError | null;
  /** Why, for the event log, when there is no error (a cancel's reason). */
  note?: string;
}

const json = (value: unknown) => (value === null || value === undefined ? Prisma.DbNull : (value as InputJsonValue));

/**
 * Moves one step row to a new state only from the expected ones (so a late
 * writer never overwrites a cancel or an end), creating it on first use, and
 * logs workflow_step.state_changed in the same transaction. Returns the row
 * after the change, or null when it was not in one of `from` or `guard`
 * (run in the same transaction, under the row's lock: the budget's
 * reservation, say) refused it.
 */
export async function writeStep(
  run: { id: string; orgId: string },
  at: { nodeId: string; iterationKey: string },
  change: StepChange,
  guard?: (tx: Tx, before: StepRow) => Promise<boolean>,
): Promise<StepRow | null> {
  return eventTransaction(async (tx) => {
    const before = await lockStep(tx, run.id, at.nodeId, at.iterationKey);
    if (!change.from.includes(before.row.state)) return null;
    if (guard && !(await guard(tx, before.row))) return null;
    const ended = ENDED_STEP_STATES.includes(change.to);
    const after = await tx.workflowStepRun.update({
      where: { id: before.row.id },
      data: {
        state: change.to,
        ...(change.attempt !== undefined ? { attempt: change.attempt } : {}),
        ...(change.taskId !== undefined ? { taskId: change.taskId } : {}),
        ...(change.output !== undefined ? { output: change.output } : {}),
        ...(change.data !== undefined ? { data: json(change.data) } : {}),
        ...(change.costCredits !== undefined ? { costCredits: change.costCredits } : {}),
        ...(change.error !== undefined ? { error: json(change.error) } : {}),
        ...(change.to === "RUNNING" && !before.row.startedAt ? { startedAt: new Date() } : {}),
        ...(ended ? { finishedAt: new Date() } : change.to === "PENDING" ? { finishedAt: null } : {}),
      },
      select: SELECT,
    });
    if (before.row.state !== change.to || before.created) {
      await recordEvent(tx, {
        orgId: run.orgId,
        type: "workflow_step.state_changed",
        subject: { type: "workflow_run", id: run.id },
        actor: { kind: "workflow", id: run.id },
        data: {
          stepRunId: after.id,
          nodeId: after.nodeId,
          iterationKey: after.iterationKey,
          from: before.created ? null : before.row.state,
          to: after.state,
          attempt: after.attempt,
          taskId: after.taskId,
          costCredits: after.costCredits,
          message: (change.error?.message ?? change.note)?.slice(0, 2000) ?? null,
        },
      });
    }
    return after;
  });
}

/**
 * Links the task an agent step started to its row, whatever the row's state
 * (a step canceled meanwhile still shows which task it started). Returns the
 * row's state after the link.
 */
export async function linkStepTask(
  runId: string,
  at: { nodeId: string; iterationKey: string },
  taskId: string,
): Promise<WorkflowStepState | null> {
  const [row] = await db.workflowStepRun.updateManyAndReturn({
    where: { runId, nodeId: at.nodeId, iterationKey: at.iterationKey, OR: [{ taskId: null }, { taskId }] },
    data: { taskId },
    select: { state: true },
  });
  return row?.state ?? null;
}

/** Creates the row (as PENDING) if missing and locks it until the transaction ends. */
async function lockStep(
  tx: Tx,
  runId: string,
  nodeId: string,
  iterationKey: string,
): Promise<{ row: StepRow; created: boolean }> {
  const { count } = await tx.workflowStepRun.createMany({
    data: [{ runId, nodeId, iterationKey }],
    skipDuplicates: true,
  });
  await tx.$queryRaw`SELECT id FROM "WorkflowStepRun"
    WHERE "runId" = ${runId} AND "nodeId" = ${nodeId} AND "iterationKey" = ${iterationKey} FOR UPDATE`;
  const row = await tx.workflowStepRun.findUniqueOrThrow({
    where: { runId_nodeId_iterationKey: { runId, nodeId, iterationKey } },
    select: SELECT,
  });
  return { row, created: count === 1 };
}

/** PENDING rows for the top-level nodes, so a run's canvas shows every node from its start. */
export async function createPendingSteps(runId: string, nodeIds: readonly string[]): Promise<void> {
  if (!nodeIds.length) return;
  await db.workflowStepRun.createMany({
    data: nodeIds.map((nodeId) => ({ runId, nodeId, iterationKey: "" })),
    skipDuplicates: true,
  });
}
