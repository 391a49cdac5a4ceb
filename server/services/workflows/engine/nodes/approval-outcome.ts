import "server-only";
import { db } from "../../../../db";
import { eventTransaction } from "../../../events/event-transaction";
import { recordEvent } from "../../../events/record-event";
import type { RunContext } from "../run-context";
import { writeStep, type StepRow } from "../step-rows";
import { noteRequestProgress } from "../../../company/requests/request-progress";

export type WaitOutcome = { kind: "waiting"; until: Date | null } | { kind: "ended" } | { kind: "rerun" };

/**
 * Applies what happened to a waiting approval step: approved (the step
 * succeeds, the comment in its data), rejected (it fails, so the run fails),
 * or nobody decided by the deadline, when the approval is expired by a
 * conditional PENDING -> EXPIRED update and the node's onTimeout decides. A
 * decision racing that update is consistent: whichever committed first wins,
 * and the loser's update changes nothing.
 */
export async function resolveApproval(run: RunContext, row: StepRow, now = new Date()): Promise<WaitOutcome> {
  let approval = await findApproval(row.id);
  // Opened by the step that is about to run again (it crashed before creating it).
  if (!approval) return { kind: "rerun" };
  if (approval.state === "PENDING") {
    if (approval.deadlineAt > now) return { kind: "waiting", until: approval.deadlineAt };
    await expire(run, approval.id, approval.onTimeout === "APPROVE" ? "approve" : "reject", now);
    approval = (await findApproval(row.id))!;
  }
  const at = { nodeId: row.nodeId, iterationKey: row.iterationKey };
  const approved = approval.state === "APPROVED" || (approval.state === "EXPIRED" && approval.onTimeout === "APPROVE");
  if (approved) {
    await writeStep(run, at, {
      to: "SUCCEEDED",
      from: ["WAITING"],
      output: approval.comment ?? "",
      data: {
        decision: "approved",
        comment: approval.comment,
        decidedById: approval.decidedById,
        decidedAt: approval.decidedAt?.toISOString() ?? null,
        timedOut: approval.state === "EXPIRED",
      },
    });
    await noteRequestProgress(run.id, `Approved${await byWhom(approval.decidedById)}; the plan goes on.`);
    return { kind: "ended" };
  }
  const message =
    approval.state === "EXPIRED"
      ? `Nobody decided by the deadline (${approval.deadlineAt.toISOString()}), and this step rejects on timeout.`
      : `Rejected${await byWhom(approval.decidedById)}${approval.comment ? `: ${approval.comment}` : "."}`;
  await writeStep(run, at, {
    to: "FAILED",
    from: ["WAITING"],
    data: { decision: "rejected", comment: approval.comment, timedOut: approval.state === "EXPIRED" },
    error: { message, nodeId: row.nodeId, ...(row.iterationKey ? { iterationKey: row.iterationKey } : {}) },
  });
  return { kind: "ended" };
}

function findApproval(stepRunId: string) {
  return db.approval.findUnique({
    where: { stepRunId },
    select: {
      id: true,
      state: true,
      deadlineAt: true,
      onTimeout: true,
      comment: true,
      decidedById: true,
      decidedAt: true,
    },
  });
}

async function expire(run: RunContext, approvalId: string, onTimeout: "approve" | "reject", now: Date) {
  await eventTransaction(async (tx) => {
    const { count } = await tx.approval.updateMany({
      where: { id: approvalId, state: "PENDING", deadlineAt: { lte: now } },
      data: { state: "EXPIRED", decidedAt: now },
    });
    if (count === 0) return;
    await recordEvent(tx, {
      orgId: run.orgId,
      type: "approval.decided",
      subject: { type: "approval", id: approvalId },
      actor: { kind: "workflow", id: run.id },
      data: { runId: run.id, state: "EXPIRED", outcome: onTimeout, comment: null },
    });
  });
}

async function byWhom(userId: string | null): Promise<string> {
  if (!userId) return "";
  const user = await db.user.findUnique({ where: { id: userId }, select: { name: true } });
  return user ? ` by ${user.name}` : "";
}
