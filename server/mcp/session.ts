import "server-only";
import { createHash } from "node:crypto";
import { principalKey, type McpPrincipal } from "./principal";

export const SESSION_HEADER = "mcp-session-id";
const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/**
 * Sessions without state: initialize hands out a random id, and nothing is
 * kept under it. Every request is served by whichever process gets it (no
 * sticky sessions). The id only names the client's requests, so that work a
 * tools/call starts can be found again by a later `notifications/cancelled`
 * (or by a retry of the same request) on any process: see mcpMessageId.
 */
export const newSessionId = () => crypto.randomUUID();

/** The request's session id, when it is one Bureau could have issued. */
export function sessionIdOf(request: Request): string | null {
  const value = request.headers.get(SESSION_HEADER);
  return value && SESSION_ID.test(value) ? value : null;
}

/**
 * The messageId (Bureau's idempotency key) of the task a request of this
 * session starts: the same caller, session and JSON-RPC id always give the
 * same one, so a retried tools/call returns the task it started, and a
 * cancellation naming the request finds it. Without a session it is random.
 */
export function mcpMessageId(principal: McpPrincipal, sessionId: string | null, requestId: string | number): string {
  if (!sessionId) return crypto.randomUUID();
  const digest = createHash("sha256")
    .update(`${principalKey(principal)}\n${sessionId}\n${typeof requestId}:${requestId}`)
    .digest("base64url");
  return `mcp-${digest.slice(0, 40)}`;
}
