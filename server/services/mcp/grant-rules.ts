import "server-only";
import { isOrgRole, type OrgRole } from "../../auth/roles";

export type GrantSubjectType = "ROLE" | "DEPARTMENT" | "API_KEY";
export type GrantEffect = "ALLOW" | "HIDE";

export interface ToolGrant {
  subjectType: GrantSubjectType;
  subjectId: string;
  /** A built-in tool's name, or "position:<id>". */
  tool: string;
  effect: GrantEffect;
}

/** Who is asking, as far as grants go: an API key, or a member with a role who leads some departments. */
export type GrantHolder =
  { kind: "apiKey"; keyId: string } | { kind: "user"; role: string; departmentIds: readonly string[] };

export type Visibility = { visible: boolean; because: "default" | "allowed" | "hidden" };

/** Roles that see every tool their scopes allow unless an admin hides it; viewers see read-only tools. */
const FULL_ROLES: readonly OrgRole[] = ["owner", "admin", "member"];

/** What a holder sees with no grant at all. */
export function defaultVisible(holder: GrantHolder, tool: { readOnly: boolean }): boolean {
  if (holder.kind === "apiKey") return true;
  return (isOrgRole(holder.role) && FULL_ROLES.includes(holder.role)) || tool.readOnly;
}

/** Does this grant speak about this holder? Keys by their own id only; members by role and led departments. */
export function grantMatches(grant: ToolGrant, holder: GrantHolder): boolean {
  if (holder.kind === "apiKey") return grant.subjectType === "API_KEY" && grant.subjectId === holder.keyId;
  if (grant.subjectType === "ROLE") return grant.subjectId === holder.role;
  return grant.subjectType === "DEPARTMENT" && holder.departmentIds.includes(grant.subjectId);
}

/**
 * Whether `tool` is listed and callable for `holder` (scopes aside, which
 * are checked as well): a matching HIDE wins, then a matching ALLOW, else
 * the default.
 */
export function resolveVisibility(
  holder: GrantHolder,
  tool: { key: string; readOnly: boolean },
  grants: readonly ToolGrant[],
): Visibility {
  const matching = grants.filter((g) => g.tool === tool.key && grantMatches(g, holder));
  if (matching.some((g) => g.effect === "HIDE")) return { visible: false, because: "hidden" };
  if (matching.some((g) => g.effect === "ALLOW")) return { visible: true, because: "allowed" };
  return { visible: defaultVisible(holder, tool), because: "default" };
}
