import { z } from "zod";
import { auth } from "@/server/auth/auth";
import { hasRole } from "@/server/auth/roles";
import { csvFileName, csvResponse } from "@/server/http/csv";
import { handle, jsonError } from "@/server/http/handle";
import { AUDIT_CSV_HEADER, auditCsvPages } from "@/server/services/audit/audit-csv";
import { toAuditFilter, ZAuditQuerySchema } from "@/server/schemas/audit-filter";
import { findMembership } from "@/server/services/orgs/find-membership";

export const dynamic = "force-dynamic";

const ZOrgIdSchema = z.string().min(1).max(64);

/**
 * The org's audit log as a CSV download, with the page's filters
 * (`?orgId=…&action=api_key.created&actorUserId=…&from=…&to=…`). Session
 * cookie only; owners and admins, like the page; another org is not found.
 */
export const GET = handle(async (request: Request) => {
  const session = await auth.api.getSession({ headers: request.headers });
  if (!session) return jsonError(401, "unauthenticated", "Sign in to continue.");
  const url = new URL(request.url);
  const orgId = ZOrgIdSchema.safeParse(url.searchParams.get("orgId"));
  if (!orgId.success) return jsonError(400, "invalid_input", "The orgId query parameter is required.");
  const membership = await findMembership({ orgId: orgId.data, userId: session.user.id });
  if (!membership) return jsonError(404, "not_found", "Organization not found.");
  if (!hasRole(membership.role, "admin"))
    return jsonError(403, "forbidden", "Only owners and admins can read the audit log.");

  const query = ZAuditQuerySchema.safeParse({
    action: url.searchParams.get("action") || null,
    actorUserId: url.searchParams.get("actorUserId") || null,
    from: url.searchParams.get("from") || null,
    to: url.searchParams.get("to") || null,
  });
  if (!query.success)
    return jsonError(400, "invalid_input", query.error.issues[0]?.message ?? "Those filters are not valid.");

  const day = new Date().toISOString().slice(0, 10);
  return csvResponse(
    csvFileName("bureau-audit-log", membership.organization.slug, day),
    AUDIT_CSV_HEADER,
    auditCsvPages({ orgId: membership.organization.id, filter: toAuditFilter(query.data) }),
  );
});
