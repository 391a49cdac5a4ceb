import { hasRole, type OrgRole } from "./roles";

/**
 * The scopes an OAuth client may ask for at Bureau's authorization server, and
 * what each one grants at /api/mcp in Bureau's own API scopes (the ones org
 * API keys carry, server/auth/api-key-scopes.ts), so every door checks the
 * same names.
 *
 * - `mcp:use` (least role viewer): `mcp:use`, `agents:read`, `tasks:read`,
 *   `workflows:read`, `company:read`, `events:read`, `knowledge:read`;
 * - `tasks:write` (member): `tasks:write`, start, reply to and cancel tasks (spends credits);
 * - `workflows:run` (member): `workflows:run`, start and cancel workflow runs (spends credits);
 * - `approvals:write` (viewer): `approvals:write`, decide the approvals the user is an approver of;
 * - `knowledge:write` (member): `knowledge:write`, add to the knowledge graph;
 * - `offline_access` (viewer): nothing at /api/mcp; the client gets a refresh token.
 *
 * `mcp:use` is required. The least role matches the web app's procedures
 * (starting a task or a run, or writing knowledge, needs a member; any member
 * may decide an approval they are an approver of). The role is read again on every request, so a
 * member demoted to viewer loses `tasks:write` at once, whatever the consent says.
 */
export const MCP_OAUTH_SCOPES = [
  "mcp:use",
  "tasks:write",
  "workflows:run",
  "approvals:write",
  "knowledge:write",
  "offline_access",
] as const;
export type McpOAuthScope = (typeof MCP_OAUTH_SCOPES)[number];

export const REQUIRED_MCP_OAUTH_SCOPE = "mcp:use" satisfies McpOAuthScope;

interface ScopeRule {
  /** What the consent screen says beside the checkbox. */
  description: string;
  grants: readonly string[];
  leastRole: OrgRole;
}

export const MCP_OAUTH_SCOPE_RULES: Record<McpOAuthScope, ScopeRule> = {
  "mcp:use": {
    description: "Use Bureau's MCP tools: read the marketplace, your tasks, workflows, departments and knowledge",
    grants: ["mcp:use", "agents:read", "tasks:read", "workflows:read", "company:read", "events:read", "knowledge:read"],
    leastRole: "viewer",
  },
  "tasks:write": {
    description: "Start, reply to and cancel tasks (spends credits)",
    grants: ["tasks:write"],
    leastRole: "member",
  },
  "workflows:run": {
    description: "Start and cancel workflow runs (spends credits)",
    grants: ["workflows:run"],
    leastRole: "member",
  },
  "approvals:write": {
    description: "Decide approvals you are an approver of",
    grants: ["approvals:write"],
    leastRole: "viewer",
  },
  "knowledge:write": {
    description: "Add facts to your organization's knowledge graph",
    grants: ["knowledge:write"],
    leastRole: "member",
  },
  offline_access: {
    description: "Stay connected without signing in again (refresh tokens)",
    grants: [],
    leastRole: "viewer",
  },
};

export function isMcpOAuthScope(value: string): value is McpOAuthScope {
  return (MCP_OAUTH_SCOPES as readonly string[]).includes(value);
}

/** The OAuth scopes a member with `role` may grant; the rest are refused on the consent screen and at /api/mcp. */
export function scopesAllowedForRole(scopes: readonly string[], role: string): McpOAuthScope[] {
  return scopes.filter(isMcpOAuthScope).filter((scope) => hasRole(role, MCP_OAUTH_SCOPE_RULES[scope].leastRole));
}

/** Bureau's API scopes for granted OAuth scopes held by a member with `role` (none without `mcp:use`). */
export function bureauScopesFor(oauthScopes: readonly string[], role: string): string[] {
  const allowed = scopesAllowedForRole(oauthScopes, role);
  if (!allowed.includes(REQUIRED_MCP_OAUTH_SCOPE)) return [];
  return [...new Set(allowed.flatMap((scope) => MCP_OAUTH_SCOPE_RULES[scope].grants))];
}
