import "server-only";
import type { Prisma } from "../../generated/prisma/client";
import type { ApprovalState, ApprovalTimeoutOutcome, WorkflowRunState } from "../../generated/prisma/enums";
import { ZApprovalSubjectSchema, type ApprovalSubject } from "../../schemas/workflow-approvals";

export const APPROVAL_SELECT = {
  id: true,
  runId: true,
  stepRunId: true,
  taskId: true,
  title: true,
  subject: true,
  approverRoles: true,
  approverUserIds: true,
  state: true,
  deadlineAt: true,
  onTimeout: true,
  decidedById: true,
  decidedByApiKeyId: true,
  comment: true,
  decidedAt: true,
  createdAt: true,
  run: { select: { state: true, workflowId: true, workflow: { select: { name: true } } } },
} satisfies Prisma.ApprovalSelect;

type ApprovalRow = Prisma.ApprovalGetPayload<{ select: typeof APPROVAL_SELECT }>;

export interface ApprovalView {
  id: string;
  runId: string | null;
  stepRunId: string | null;
  taskId: string | null;
  title: string;
  subject: ApprovalSubject;
  approverRoles: string[];
  approverUserIds: string[];
  state: ApprovalState;
  deadlineAt: Date;
  onTimeout: ApprovalTimeoutOutcome;
  decidedById: string | null;
  decidedByApiKeyId: string | null;
  comment: string | null;
  decidedAt: Date | null;
  createdAt: Date;
  /** The run waiting on it, if any: an approval of a run that ended can no longer be decided. */
  run: { state: WorkflowRunState; workflowId: string | null; workflowName: string | null } | null;
}

export function toApprovalView({ subject, run, ...row }: ApprovalRow): ApprovalView {
  return {
    ...row,
    // Written only through createApproval, which parses it; a failure here is a bug.
    subject: ZApprovalSubjectSchema.parse(subject),
    run: run ? { state: run.state, workflowId: run.workflowId, workflowName: run.workflow?.name ?? null } : null,
  };
}

/** Whether this member may decide: named, or holding one of the roles. */
export const mayDecide = (
  approval: { approverRoles: string[]; approverUserIds: string[] },
  member: { userId: string; role: string },
): boolean => approval.approverUserIds.includes(member.userId) || approval.approverRoles.includes(member.role);
