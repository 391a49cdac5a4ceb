import "server-only";
import type { Transporter } from "nodemailer";
import { db } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import type { ApprovalTimeoutOutcome } from "../../generated/prisma/enums";
import type { InputJsonValue } from "../../generated/prisma/internal/prismaNamespace";
import { ZApprovalSubjectSchema, type ApprovalSubjectInput } from "../../schemas/workflow-approvals";
import { eventTransaction } from "../events/event-transaction";
import { recordEvent } from "../events/record-event";
import { APPROVAL_SELECT, toApprovalView, type ApprovalView } from "./approval-views";
import { notifyApprovers } from "./notify-approvers";

const DEFAULT_APPROVER_ROLES = ["owner", "admin"];

export interface CreateApprovalInput {
  orgId: string;
  runId: string;
  /** The approval node's step row: one approval per step (a repeated call returns it). */
  stepRunId: string;
  title: string;
  subject: ApprovalSubjectInput;
  approverRoles: string[];
  approverUserIds: string[];
  deadlineAt: Date;
  onTimeout: ApprovalTimeoutOutcome;
  /** Skip the notifications (the caller sends them in a step of its own with notifyApprovers). */
  notify?: boolean;
  transport?: Transporter;
}

/**
 * Opens the approval a run's approval step waits on, with approval.requested
 * in the same transaction, then notifies the approvers. Idempotent on the
 * step: a durable step that runs it again gets the approval it made (and
 * notifying again adds nothing), so a crash between insert and notify loses
 * no notice.
 */
export async function createApproval(
  input: CreateApprovalInput,
): Promise<{ approval: ApprovalView; created: boolean }> {
  const subject = ZApprovalSubjectSchema.parse(input.subject);
  const approverUserIds = [...new Set(input.approverUserIds)];
  // An approval nobody may decide would only ever time out: with no one named, owners and admins decide.
  const approverRoles =
    input.approverRoles.length || approverUserIds.length ? [...new Set(input.approverRoles)] : DEFAULT_APPROVER_ROLES;
  let created = true;
  let approval: ApprovalView;
  try {
    approval = await eventTransaction(async (tx) => {
      const row = await tx.approval.create({
        data: {
          orgId: input.orgId,
          runId: input.runId,
          stepRunId: input.stepRunId,
          title: input.title.slice(0, 300),
          subject: subject as unknown as InputJsonValue,
          approverRoles,
          approverUserIds,
          deadlineAt: input.deadlineAt,
          onTimeout: input.onTimeout,
        },
        select: APPROVAL_SELECT,
      });
      await recordEvent(tx, {
        orgId: input.orgId,
        type: "approval.requested",
        subject: { type: "approval", id: row.id },
        actor: { kind: "workflow", id: input.runId },
        data: {
          runId: input.runId,
          stepRunId: input.stepRunId,
          title: row.title,
          approverRoles,
          approverUserIds,
          deadlineAt: input.deadlineAt.toISOString(),
          priceCredits: subject.priceCredits,
        },
      });
      return toApprovalView(row);
    });
  } catch (error) {
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")) throw error;
    const existing = await db.approval.findFirst({
      where: { stepRunId: input.stepRunId, orgId: input.orgId },
      select: APPROVAL_SELECT,
    });
    if (!existing) throw error;
    created = false;
    approval = toApprovalView(existing);
  }
  if (input.notify !== false) await notifyApprovers(approval.id, { transport: input.transport });
  return { approval, created };
}
