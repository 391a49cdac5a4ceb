import { orgCsvRoute } from "@/server/http/org-csv-route";
import { toAuditFilter, ZAuditQuerySchema } from "@/server/schemas/audit-filter";
import { AUDIT_CSV_HEADER, auditCsvPages } from "@/server/services/audit/audit-csv";

export const dynamic = "force-dynamic";

/**
 * The org's audit log as a CSV download, with the page's filters
 * (`?orgId=…&action=api_key.created&actorUserId=…&from=…&to=…`); owners and
 * admins, like the page.
 */
export const GET = orgCsvRoute({
  minimumRole: "admin",
  forbidden: "Only owners and admins can read the audit log.",
  fileStem: "bureau-audit-log",
  header: AUDIT_CSV_HEADER,
  schema: ZAuditQuerySchema,
  readQuery: (params) => ({
    action: params.get("action") || null,
    actorUserId: params.get("actorUserId") || null,
    from: params.get("from") || null,
    to: params.get("to") || null,
  }),
  pages: ({ orgId, query }) => auditCsvPages({ orgId, filter: toAuditFilter(query) }),
});
