import { createAccessControl } from "better-auth/plugins/access";
import { defaultStatements, adminAc, ownerAc } from "better-auth/plugins/organization/access";

/**
 * Org roles, from most to least powerful. better-auth's access control decides
 * what its own endpoints allow (invitations, members, API keys); Bureau's
 * procedures compare ranks with `hasRole`.
 */
export const ORG_ROLES = ["owner", "admin", "member", "viewer"] as const;
export type OrgRole = (typeof ORG_ROLES)[number];

const statements = {
  ...defaultStatements,
  apiKey: ["create", "read", "update", "delete"],
} as const;

export const ac = createAccessControl(statements);

const fullApiKey = { apiKey: ["create", "read", "update", "delete"] } as const;

export const roles = {
  owner: ac.newRole({ ...ownerAc.statements, ...fullApiKey }),
  admin: ac.newRole({ ...adminAc.statements, ...fullApiKey }),
  member: ac.newRole({ apiKey: ["read"] }),
  viewer: ac.newRole({}),
};

const RANK: Record<OrgRole, number> = { owner: 3, admin: 2, member: 1, viewer: 0 };

export function isOrgRole(value: string): value is OrgRole {
  return (ORG_ROLES as readonly string[]).includes(value);
}

/** True when `role` is at least `minimum`. Unknown roles get nothing. */
export function hasRole(role: string, minimum: OrgRole): boolean {
  return isOrgRole(role) && RANK[role] >= RANK[minimum];
}
