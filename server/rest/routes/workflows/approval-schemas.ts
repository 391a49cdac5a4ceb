import "server-only";
import { z } from "zod";
import { ApprovalState, ApprovalTimeoutOutcome, WorkflowRunState } from "../../../generated/prisma/enums";
import { APPROVAL_COMMENT_MAX_LENGTH, ZApprovalSubjectSchema } from "../../../schemas/workflow-approvals";
import { zText } from "../../../schemas/primitives";
import { zDateTime } from "../../schemas";
import { zPageCursor, zPageLimit } from "./workflow-schemas";

/** What GET /api/v1/approvals and POST /api/v1/approvals/{id} read and answer. */

export const ZApprovalSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    subject: ZApprovalSubjectSchema.meta({
      id: "ApprovalSubject",
      description: "Exactly what is approved: the step, the text the approvers read, the price at stake.",
    }),
    state: z.enum(ApprovalState),
    deadlineAt: zDateTime,
    onTimeout: z.enum(ApprovalTimeoutOutcome).meta({ description: "What happens if nobody decides by the deadline." }),
    approverRoles: z.array(z.string()).meta({ description: "Members with these org roles may decide." }),
    approverUserIds: z.array(z.string()).meta({ description: "So may these members." }),
    canDecide: z.boolean().meta({ description: "Whether this key may decide it now (approvals:write, still open)." }),
    comment: z.string().nullable(),
    decidedAt: zDateTime.nullable(),
    decidedById: z.string().nullable().meta({ description: "The member who decided; null if an API key did." }),
    decidedByApiKeyId: z.string().nullable(),
    createdAt: zDateTime,
    runId: z.string().nullable(),
    stepRunId: z.string().nullable(),
    run: z
      .object({
        state: z.enum(WorkflowRunState),
        workflowId: z.string().nullable(),
        workflowName: z.string().nullable(),
      })
      .nullable()
      .meta({ description: "The run waiting on it: once that run ended, nobody can decide it." }),
  })
  .meta({ id: "Approval", description: "A human decision a workflow run waits for." });

const STATES = ["pending", "approved", "rejected", "expired"] as const;

export const ZApprovalListQuerySchema = z.object({
  state: z
    .enum(STATES, { error: `must be one of ${STATES.join(", ")}` })
    .optional()
    .meta({ description: "Only approvals in this state (`pending`: still decidable, newest first)." }),
  cursor: zPageCursor,
  limit: zPageLimit,
});

export const ZDecideApprovalBodySchema = z.object({
  decision: z.enum(["approve", "reject"], { error: "must be approve or reject" }),
  comment: zText(APPROVAL_COMMENT_MAX_LENGTH)
    .nullable()
    .optional()
    .meta({ description: "Why; the run's later steps can read it." }),
});
