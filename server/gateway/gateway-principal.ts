import "server-only";
import type { ApiKeyScope } from "../auth/api-key-scopes";
import type { ApiKeyPrincipal } from "../services/api-keys/authenticate-api-key";
import type { VerifiedGrant } from "../services/delegation/verify-grant";

/**
 * Who is calling the gateway: an org API key, or a seller's agent with the
 * delegation grant of a task it is working on. A grant acts for the org of
 * its task's root, may start children of that task (tasks:write) and read,
 * follow, answer or cancel those children (tasks:read), nothing else.
 */
export type GatewayPrincipal =
  | ({ kind: "apiKey" } & ApiKeyPrincipal)
  | { kind: "grant"; orgId: string; scopes: readonly ApiKeyScope[]; grant: VerifiedGrant };

export const GRANT_SCOPES: readonly ApiKeyScope[] = ["tasks:read", "tasks:write"];

/** What a log line names the caller by (never a token). */
export const callerForLog = (principal: GatewayPrincipal) =>
  principal.kind === "apiKey" ? { keyId: principal.keyId } : { grantTaskId: principal.grant.taskId };
