import "server-only";
import { createTRPCRouter } from "../../init";
import { decideApprovalProcedure } from "./decide-approval";
import { listApprovalsProcedure } from "./list-approvals";

/** The approvals inbox: what a member may decide, and the decision. */
export const approvalsRouter = createTRPCRouter({
  list: listApprovalsProcedure,
  decide: decideApprovalProcedure,
});
