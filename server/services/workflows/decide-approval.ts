import "server-only";
import { db } from "../../db";
import { DomainError } from "../../errors";
import { sendEvent } from "../../jobs/send";
import { eventTransaction } from "../events/event-transaction";
import { recordEvent } from "../events/record-event";
import { APPROVAL_COMMENT_MAX_LENGTH } from "../../schemas/workflow-approvals";
import { APPROVAL_SELECT, mayDecide, toApprovalView, type ApprovalView } from "./approval-views";
import { isRunOpen } from "./list-approvals";
import { approvalDecidedEvent } from "./run-events";
import { authorizeWorkflowActor, eventActorOf, type WorkflowActor } from "./workflow-actor";

const notFound = () => new DomainError("not_found", "Approval not found.");

/**
 * Approves or rejects a pending approval. Only one of its approvers may (a
 * member named or holding one of its roles; an API key with approvals:write),
 * only before its deadline and while its run still runs. The change is a
 * conditional PENDING -> APPROVED/REJECTED update: of two decisions the
 * second changes nothing and is refused saying who decided first. The waiting
 * run learns of it through `workflow/approval.decided`, sent after commit.
 */
export async function decideApproval(input: {
  orgId: string;
  actor: WorkflowActor;
  approvalId: string;
  decision: "approve" | "reject";
  comment?: string | null;
  now?: Date;
}): Promise<ApprovalView> {
  const { role } = await authorizeWorkflowActor(input.orgId, input.actor, "approve");
  const now = input.now ?? new Date();
  const comment = input.comment?.trim() || null;
  if (comment && comment.length > APPROVAL_COMMENT_MAX_LENGTH)
    throw new DomainError("invalid_input", `Keep the comment under ${APPROVAL_COMMENT_MAX_LENGTH} characters.`);
  const current = await db.approval.findFirst({
    where: { id: input.approvalId, orgId: input.orgId },
    select: APPROVAL_SELECT,
  });
  if (!current) throw notFound();
  if (input.actor.kind === "user" && !mayDecide(current, { userId: input.actor.userId, role: role ?? "" }))
    throw new DomainError("forbidden", "You are not one of this approval's approvers.");
  if (input.actor.kind !== "user" && input.actor.kind !== "apiKey")
    throw new DomainError("forbidden", "Only a person or an API key can decide an approval.");
  if (current.state !== "PENDING") throw await alreadyDecided(current.state, current.decidedById, current.decidedAt);
  if (!isRunOpen(current)) throw new DomainError("already_finished", "The run waiting on this approval has ended.");
  if (current.deadlineAt <= now) {
    const outcome = current.onTimeout === "APPROVE" ? "approved" : "rejected";
    throw new DomainError(
      "already_finished",
      `The deadline passed at ${current.deadlineAt.toISOString()}; the approval is ${outcome} automatically.`,
    );
  }
  const state = input.decision === "approve" ? "APPROVED" : "REJECTED";
  const decided = await eventTransaction(async (tx) => {
    const { count } = await tx.approval.updateMany({
      where: { id: input.approvalId, orgId: input.orgId, state: "PENDING", deadlineAt: { gt: now } },
      data: {
        state,
        comment,
        decidedAt: now,
        decidedById: input.actor.kind === "user" ? input.actor.userId : null,
        decidedByApiKeyId: input.actor.kind === "apiKey" ? input.actor.apiKeyId : null,
      },
    });
    if (count === 0) return null;
    await recordEvent(tx, {
      orgId: input.orgId,
      type: "approval.decided",
      subject: { type: "approval", id: input.approvalId },
      actor: eventActorOf(input.actor),
      data: { runId: current.runId, state, outcome: input.decision, comment },
    });
    return tx.approval.findUniqueOrThrow({ where: { id: input.approvalId }, select: APPROVAL_SELECT });
  });
  if (!decided) {
    const after = await db.approval.findFirst({
      where: { id: input.approvalId, orgId: input.orgId },
      select: { state: true, decidedById: true, decidedAt: true },
    });
    throw await alreadyDecided(after?.state ?? "EXPIRED", after?.decidedById ?? null, after?.decidedAt ?? null);
  }
  if (decided.runId) await sendEvent(approvalDecidedEvent({ id: decided.id, runId: decided.runId }));
  return toApprovalView(decided);
}

/** "This approval was already approved by Ada at …": the refusal of a second decision. */
async function alreadyDecided(state: string, decidedById: string | null, decidedAt: Date | null) {
  if (state === "EXPIRED") return new DomainError("conflict", "This approval expired: nobody decided by its deadline.");
  const who = decidedById ? await db.user.findUnique({ where: { id: decidedById }, select: { name: true } }) : null;
  const by = who ? ` by ${who.name}` : decidedById === null ? " through the API" : "";
  const when = decidedAt ? ` at ${decidedAt.toISOString()}` : "";
  return new DomainError("conflict", `This approval was already ${state.toLowerCase()}${by}${when}.`, {
    state,
  });
}
