import "server-only";
import { createTRPCRouter } from "../../init";
import { changeMemberRoleProcedure } from "./change-member-role";
import { getDashboardProcedure } from "./get-dashboard";
import { leaveOrgProcedure } from "./leave-org";
import { listAuditFilterOptionsProcedure, listAuditLogProcedure } from "./list-audit-log";
import { listMembersProcedure } from "./list-members";
import { listMyOrgsProcedure } from "./list-my-orgs";
import { removeMemberProcedure } from "./remove-member";
import { verifyAuditLogProcedure } from "./verify-audit-log";

export const orgsRouter = createTRPCRouter({
  listMine: listMyOrgsProcedure,
  dashboard: getDashboardProcedure,
  members: listMembersProcedure,
  changeMemberRole: changeMemberRoleProcedure,
  removeMember: removeMemberProcedure,
  leave: leaveOrgProcedure,
  auditLog: listAuditLogProcedure,
  auditFilters: listAuditFilterOptionsProcedure,
  verifyAuditLog: verifyAuditLogProcedure,
});
