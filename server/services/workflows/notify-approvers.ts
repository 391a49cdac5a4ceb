import "server-only";
import type { Transporter } from "nodemailer";
import { db } from "../../db";
import { emailNotifications } from "../notifications/email-notifications";
import { ZApprovalSubjectSchema } from "../../schemas/workflow-approvals";

export const APPROVAL_NOTIFICATION_KIND = "approval.requested";

/** The source key of an approval's notifications: unique per user, so notifying twice adds nothing. */
export const approvalNotificationKey = (approvalId: string) => `approval:${approvalId}`;

const credits = (value: number) => value.toLocaleString("en-US");

/** What the bell and the email say. */
function approvalMessage(approval: { id: string; title: string; deadlineAt: Date; subject: unknown }) {
  const subject = ZApprovalSubjectSchema.safeParse(approval.subject);
  const about = subject.success
    ? `${subject.data.workflowName ? `${subject.data.workflowName}: ` : ""}${subject.data.nodeName}` +
      (subject.data.priceCredits !== null ? ` (about ${credits(subject.data.priceCredits)} credits)` : "")
    : approval.title;
  return {
    title: `Approval needed: ${approval.title}`.slice(0, 200),
    body:
      `${about} waits for your decision until ${approval.deadlineAt.toUTCString()}. ` +
      "Approve or reject it in the inbox.",
    link: `/approvals?id=${approval.id}`,
  };
}

/**
 * Tells everyone who may decide a pending approval: one in-app notification
 * per approver (the members holding one of its roles, and the named members
 * still in the org), then the email copies when SMTP is set. Safe to call
 * again: rows are unique per user and approval, and each email is claimed
 * before it is sent; a failed send throws for the caller's durable step to
 * retry. The engine calls it after createApproval, or to remind.
 */
export async function notifyApprovers(
  approvalId: string,
  options: { transport?: Transporter } = {},
): Promise<{ notified: number; emailed: number }> {
  const approval = await db.approval.findUnique({
    where: { id: approvalId },
    select: {
      id: true,
      orgId: true,
      title: true,
      subject: true,
      deadlineAt: true,
      state: true,
      approverRoles: true,
      approverUserIds: true,
    },
  });
  if (!approval || approval.state !== "PENDING") return { notified: 0, emailed: 0 };
  const members = await db.member.findMany({
    where: {
      organizationId: approval.orgId,
      OR: [{ role: { in: approval.approverRoles } }, { userId: { in: approval.approverUserIds } }],
    },
    select: { userId: true },
  });
  const sourceKey = approvalNotificationKey(approval.id);
  const message = approvalMessage(approval);
  const { count } = await db.notification.createMany({
    data: members.map((m) => ({
      orgId: approval.orgId,
      userId: m.userId,
      kind: APPROVAL_NOTIFICATION_KIND,
      sourceKey,
      ...message,
    })),
    skipDuplicates: true,
  });
  const { emailed } = await emailNotifications({ sourceKey, transport: options.transport });
  return { notified: count, emailed };
}
