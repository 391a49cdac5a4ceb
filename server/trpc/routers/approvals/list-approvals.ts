import "server-only";
import { listApprovals } from "../../../services/workflows/list-approvals";
import { orgProcedure } from "../../init";
import { ZListApprovalsRequestSchema, ZListApprovalsResponseSchema } from "./list-approvals.types";

export const listApprovalsProcedure = orgProcedure
  .input(ZListApprovalsRequestSchema)
  .output(ZListApprovalsResponseSchema)
  .query(({ ctx, input }) =>
    listApprovals({ ...input, orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id } }),
  );
