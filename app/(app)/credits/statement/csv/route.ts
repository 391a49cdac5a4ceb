import { z } from "zod";
import { auth } from "@/server/auth/auth";
import { hasRole } from "@/server/auth/roles";
import { csvFileName, csvResponse } from "@/server/http/csv";
import { handle, jsonError } from "@/server/http/handle";
import { findMembership } from "@/server/services/orgs/find-membership";
import { STATEMENT_CSV_HEADER, statementCsvPages } from "@/server/services/statements/statement-csv";
import { toStatementFilter, ZStatementQuerySchema } from "@/server/schemas/statement-filter";

export const dynamic = "force-dynamic";

const ZOrgIdSchema = z.string().min(1).max(64);

/**
 * The org's statement as a CSV download, with the page's filters
 * (`?orgId=…&kind=hold&kind=charge&from=2026-11-01&to=2026-11-30`). Session
 * cookie only; the caller's membership is looked up with the org, so another
 * org is "not found", and viewers are refused like on the page.
 */
export const GET = handle(async (request: Request) => {
  const session = await auth.api.getSession({ headers: request.headers });
  if (!session) return jsonError(401, "unauthenticated", "Sign in to continue.");
  const url = new URL(request.url);
  const orgId = ZOrgIdSchema.safeParse(url.searchParams.get("orgId"));
  if (!orgId.success) return jsonError(400, "invalid_input", "The orgId query parameter is required.");
  const membership = await findMembership({ orgId: orgId.data, userId: session.user.id });
  if (!membership) return jsonError(404, "not_found", "Organization not found.");
  if (!hasRole(membership.role, "member"))
    return jsonError(403, "forbidden", "Viewers cannot read the statement. Ask an owner or admin for access.");

  const query = ZStatementQuerySchema.safeParse({
    kinds: url.searchParams.getAll("kind"),
    from: url.searchParams.get("from") || null,
    to: url.searchParams.get("to") || null,
  });
  if (!query.success)
    return jsonError(400, "invalid_input", query.error.issues[0]?.message ?? "Those filters are not valid.");

  const day = new Date().toISOString().slice(0, 10);
  return csvResponse(
    csvFileName("bureau-statement", membership.organization.slug, day),
    STATEMENT_CSV_HEADER,
    statementCsvPages({ orgId: membership.organization.id, filter: toStatementFilter(query.data) }),
  );
});
