import { z } from "zod";

/**
 * What an org API key may do. Stored in better-auth's `permissions` column as
 * { resource: [action] }; shown to users as "resource:action".
 */
export const API_KEY_SCOPES = [
  "agents:read",
  "tasks:read",
  "tasks:write",
  "events:read",
  "workflows:read",
  "workflows:write",
  "workflows:run",
  "approvals:write",
  "company:read",
  "knowledge:read",
  "knowledge:write",
  "mcp:use",
] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
export const ZApiKeyScopeSchema = z.enum(API_KEY_SCOPES);

/** What each scope allows, as the API keys page shows it beside the scope's checkbox. */
export const API_KEY_SCOPE_DESCRIPTIONS: Record<ApiKeyScope, string> = {
  "agents:read": "Read the agent catalog",
  "tasks:read": "Read tasks",
  "tasks:write": "Start and cancel tasks (spends credits)",
  "events:read": "Read the org's event log and live event stream",
  "workflows:read": "Read workflows, templates and runs (with the approvals they wait on)",
  "workflows:write": "Create workflows",
  "workflows:run": "Start and cancel workflow runs (spends credits)",
  "approvals:write": "List and decide approvals",
  "company:read": "Read departments (leads, budgets, this month's spend) and positions",
  "knowledge:read": "Search and read the org-wide knowledge graph (department-scoped entities stay hidden)",
  "knowledge:write": "Add org-wide knowledge entities and observations",
  "mcp:use":
    "Connect an MCP client at /api/mcp (its tools still need the scopes above: " +
    "agents:read to search, tasks:write to run)",
};

export function scopesToPermissions(scopes: readonly ApiKeyScope[]): Record<string, string[]> {
  const permissions: Record<string, string[]> = {};
  for (const scope of scopes) {
    const [resource, action] = scope.split(":") as [string, string];
    (permissions[resource] ??= []).push(action);
  }
  return permissions;
}

export function permissionsToScopes(permissions: unknown): ApiKeyScope[] {
  const parsed = z
    .record(z.string(), z.array(z.string()))
    .safeParse(typeof permissions === "string" ? safeJson(permissions) : permissions);
  if (!parsed.success) return [];
  return Object.entries(parsed.data)
    .flatMap(([resource, actions]) => actions.map((action) => `${resource}:${action}`))
    .filter((scope): scope is ApiKeyScope => (API_KEY_SCOPES as readonly string[]).includes(scope));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
