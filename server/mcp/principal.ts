import "server-only";
import type { ApiKeyScope } from "../auth/api-key-scopes";
import type { CompanyActor } from "../services/company/departments/company-actor";
import type { TaskActor } from "../services/tasks/start-task";
import type { WorkflowActor } from "../services/workflows/workflow-actor";

/**
 * Who is calling /api/mcp, and so which org and which tools: an org API key
 * with mcp:use, or a person: an OAuth access token (a client they connected)
 * or, from Bureau's own pages (the tool playground), their browser session.
 * A person's scopes are already narrowed to their role.
 */
export type McpPrincipal =
  | { kind: "apiKey"; orgId: string; keyId: string; keyName: string; scopes: readonly ApiKeyScope[] }
  | {
      kind: "user";
      orgId: string;
      userId: string;
      role: string;
      scopes: readonly string[];
      via: "oauth" | "session";
      /** The OAuth client (null for the browser session). */
      clientId: string | null;
    };

export const hasAnyScope = (principal: McpPrincipal, scopes: readonly string[]) =>
  scopes.some((scope) => (principal.scopes as readonly string[]).includes(scope));

/** A stable name for the caller: per key, or per person and client (rate limits, message ids). */
export const principalKey = (principal: McpPrincipal) =>
  principal.kind === "apiKey"
    ? `key:${principal.keyId}`
    : `user:${principal.userId}:${principal.clientId ?? "session"}:${principal.orgId}`;

/** What a log line names the caller by (never a token). */
export const principalForLog = (principal: McpPrincipal) =>
  principal.kind === "apiKey"
    ? { orgId: principal.orgId, keyId: principal.keyId }
    : { orgId: principal.orgId, userId: principal.userId, clientId: principal.clientId };

export function taskActor(principal: McpPrincipal): TaskActor {
  return principal.kind === "apiKey"
    ? { kind: "apiKey", apiKeyId: principal.keyId, scopes: principal.scopes }
    : { kind: "user", userId: principal.userId };
}

export function workflowActor(principal: McpPrincipal): WorkflowActor {
  return principal.kind === "apiKey"
    ? { kind: "apiKey", apiKeyId: principal.keyId, scopes: principal.scopes }
    : { kind: "user", userId: principal.userId };
}

export function companyActor(principal: McpPrincipal): CompanyActor {
  return principal.kind === "apiKey"
    ? { kind: "apiKey", apiKeyId: principal.keyId, scopes: principal.scopes }
    : { kind: "user", userId: principal.userId };
}
