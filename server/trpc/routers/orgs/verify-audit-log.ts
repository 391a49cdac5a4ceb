import "server-only";
import { verifyAuditChain } from "../../../services/audit/verify-audit-chain";
import { orgRoleProcedure } from "../../init";
import { ZVerifyAuditLogResponseSchema } from "./verify-audit-log.types";

/** Re-walks the org's hash chain now (reads only); owners and admins. */
export const verifyAuditLogProcedure = orgRoleProcedure("admin")
  .output(ZVerifyAuditLogResponseSchema)
  .mutation(async ({ ctx }) => ({ ...(await verifyAuditChain({ orgId: ctx.org.id })), checkedAt: new Date() }));
