import { z } from "zod";
import { zId, zText } from "../../../schemas/primitives";
import { APPROVAL_COMMENT_MAX_LENGTH } from "../../../schemas/workflow-approvals";
import { ZApprovalSchema } from "../workflows/workflows.types";

export const ZDecideApprovalRequestSchema = z.object({
  approvalId: zId,
  decision: z.enum(["approve", "reject"]),
  comment: zText(APPROVAL_COMMENT_MAX_LENGTH).nullish(),
});
export const ZDecideApprovalResponseSchema = ZApprovalSchema;
