import "server-only";
import { decideApproval } from "../../../services/workflows/decide-approval";
import { orgProcedure } from "../../init";
import { ZDecideApprovalRequestSchema, ZDecideApprovalResponseSchema } from "./decide-approval.types";

/** Any member may call it; the service lets only the approval's own approvers decide. */
export const decideApprovalProcedure = orgProcedure
  .input(ZDecideApprovalRequestSchema)
  .output(ZDecideApprovalResponseSchema)
  .mutation(({ ctx, input }) =>
    decideApproval({ ...input, orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id } }),
  );
