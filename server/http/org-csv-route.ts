import "server-only";
import type { z } from "zod";
import { auth } from "../auth/auth";
import { hasRole, type OrgRole } from "../auth/roles";
import { findMembership } from "../services/orgs/find-membership";
import { zId } from "../schemas/primitives";
import { csvFileName, csvResponse, type CsvValue } from "./csv";
import { handle, jsonError } from "./handle";

/**
 * A session-authenticated CSV download of one org's records, the way every
 * export page offers one: the org comes from `?orgId=`, the caller's
 * membership is looked up with it (another org is "not found"), the role is
 * checked like on the page, and the page's filters are parsed with its own
 * schema before anything is read.
 */
export function orgCsvRoute<Query>(spec: {
  minimumRole: OrgRole;
  /** The sentence a caller below `minimumRole` reads. */
  forbidden: string;
  fileStem: string;
  header: string[];
  schema: z.ZodType<Query>;
  /** The page's filter parameters, as the schema expects them. */
  readQuery: (params: URLSearchParams) => unknown;
  pages: (input: { orgId: string; query: Query }) => AsyncIterable<CsvValue[][]>;
}) {
  return handle(async (request: Request) => {
    const session = await auth.api.getSession({ headers: request.headers });
    if (!session) return jsonError(401, "unauthenticated", "Sign in to continue.");
    const params = new URL(request.url).searchParams;
    const orgId = zId.safeParse(params.get("orgId"));
    if (!orgId.success) return jsonError(400, "invalid_input", "The orgId query parameter is required.");
    const membership = await findMembership({ orgId: orgId.data, userId: session.user.id });
    if (!membership) return jsonError(404, "not_found", "Organization not found.");
    if (!hasRole(membership.role, spec.minimumRole)) return jsonError(403, "forbidden", spec.forbidden);
    const query = spec.schema.safeParse(spec.readQuery(params));
    if (!query.success)
      return jsonError(400, "invalid_input", query.error.issues[0]?.message ?? "Those filters are not valid.");
    const day = new Date().toISOString().slice(0, 10);
    return csvResponse(
      csvFileName(spec.fileStem, membership.organization.slug, day),
      spec.header,
      spec.pages({ orgId: membership.organization.id, query: query.data }),
    );
  });
}
