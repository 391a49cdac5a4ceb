import "server-only";
import type { Tx } from "../../../db";
import type { WorkflowRunState } from "../../../generated/prisma/enums";
import type { InputJsonValue } from "../../../generated/prisma/internal/prismaNamespace";
import { Prisma } from "../../../generated/prisma/client";
import { eventTransaction } from "../../events/event-transaction";
import { recordEvent } from "../../events/record-event";
import type { StepError } from "./step-rows";

export interface RunChange {
  to: WorkflowRunState;
  from: readonly WorkflowRunState[];
  output?: unknown;
  error?: StepError | { message: string } | null;
  /** Why, for the event log (a failure's or cancel's reason). */
  message?: string | null;
}

/**
 * Moves a run between states only from the expected ones, with
 * workflow_run.state_changed in the same transaction. A final state is never
 * left (CANCELED set by the cancel service stays CANCELED). Returns whether
 * it moved.
 */
export async function setRunState(runId: string, change: RunChange): Promise<boolean> {
  return eventTransaction((tx) => setRunStateIn(tx, runId, change));
}

export async function setRunStateIn(tx: Tx, runId: string, change: RunChange): Promise<boolean> {
  const [before] = await tx.$queryRaw<
    { state: WorkflowRunState; orgId: string; workflowId: string | null; startedAt: Date | null }[]
  >`SELECT state::text AS state, "orgId", "workflowId", "startedAt" FROM "WorkflowRun" WHERE id = ${runId} FOR UPDATE`;
  if (!before || !change.from.includes(before.state) || before.state === change.to) return false;
  const final = change.to === "SUCCEEDED" || change.to === "FAILED" || change.to === "CANCELED";
  const after = await tx.workflowRun.update({
    where: { id: runId },
    data: {
      state: change.to,
      ...(change.output !== undefined
        ? { output: change.output === null ? Prisma.DbNull : (change.output as InputJsonValue) }
        : {}),
      ...(change.error !== undefined
        ? { error: change.error === null ? Prisma.DbNull : (change.error as unknown as InputJsonValue) }
        : {}),
      ...(change.to === "RUNNING" ? { startedAt: before.startedAt ?? new Date(), finishedAt: null } : {}),
      ...(final ? { finishedAt: new Date() } : {}),
    },
    select: { spentCredits: true },
  });
  await recordEvent(tx, {
    orgId: before.orgId,
    type: "workflow_run.state_changed",
    subject: { type: "workflow_run", id: runId },
    actor: { kind: "workflow", id: runId },
    data: {
      workflowId: before.workflowId,
      from: before.state,
      to: change.to,
      spentCredits: after.spentCredits,
      message: change.message?.slice(0, 2000) ?? null,
    },
  });
  return true;
}
