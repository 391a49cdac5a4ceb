import "server-only";
import { toAuditFilter, ZAuditQuerySchema } from "../../../schemas/audit-filter";
import { listAuditFilterOptions, listAuditLog } from "../../../services/audit/list-audit-log";
import { orgRoleProcedure } from "../../init";
import {
  ZAuditFilterOptionsResponseSchema,
  ZAuditPageRequestSchema,
  ZListAuditLogResponseSchema,
} from "./list-audit-log.types";

/** The full audit log (who did what, with the data): owners and admins. */
export const listAuditLogProcedure = orgRoleProcedure("admin")
  .input(ZAuditQuerySchema)
  .input(ZAuditPageRequestSchema)
  .output(ZListAuditLogResponseSchema)
  .query(({ ctx, input }) =>
    listAuditLog({ orgId: ctx.org.id, filter: toAuditFilter(input), cursor: input.cursor, limit: input.limit }),
  );

export const listAuditFilterOptionsProcedure = orgRoleProcedure("admin")
  .output(ZAuditFilterOptionsResponseSchema)
  .query(({ ctx }) => listAuditFilterOptions({ orgId: ctx.org.id }));
