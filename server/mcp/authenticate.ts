import "server-only";
import { auth } from "../auth/auth";
import { looksLikeMcpAccessToken, protectedResourceMetadataUrl, verifyMcpAccessToken } from "../auth/mcp-oauth";
import { bureauScopesFor, MCP_OAUTH_SCOPES } from "../auth/mcp-oauth-scopes";
import { env } from "../env";
import { isDomainError } from "../errors";
import { parsePathParam, zId } from "../schemas/primitives";
import { authenticateApiKey } from "../services/api-keys/authenticate-api-key";
import { findMembership } from "../services/orgs/find-membership";
import { clientIp } from "../services/rate-limit/client-ip";
import { takeToken } from "../services/rate-limit/take-token";
import { principalKey, type McpPrincipal } from "./principal";

/** The header Bureau's own pages name the org with when they call /api/mcp with the browser session. */
export const MCP_ORG_HEADER = "x-bureau-org";

type Caller = { principal: McpPrincipal } | { response: Response };

/**
 * The caller of one /api/mcp request, or the answer to send instead:
 * - `Authorization: Bearer` an OAuth access token of Bureau's authorization
 *   server (audience /api/mcp) or an org API key with `mcp:use`;
 * - else, from Bureau's own pages only (same origin), the browser session and
 *   the org named in `x-bureau-org`, with the scopes the member's role allows;
 * - else 401 with the RFC 9728 pointer, so a client can start OAuth.
 * A valid caller then spends one token of its per-minute budget (429 when dry).
 */
export async function authenticateMcp(request: Request): Promise<Caller> {
  const authorization = request.headers.get("authorization");
  const caller = authorization ? await bearerCaller(authorization, request) : await sessionCaller(request);
  if ("response" in caller) return caller;
  const limit = env.GATEWAY_RATE_LIMIT_PER_MINUTE;
  const bucket = await takeToken({ key: `mcp:${principalKey(caller.principal)}`, limit, windowSeconds: 60 });
  if (!bucket.allowed)
    return {
      response: rateLimited(
        `More than ${limit} MCP requests in a minute; retry in ${bucket.retryAfterSeconds} s.`,
        bucket.retryAfterSeconds,
      ),
    };
  return caller;
}

async function bearerCaller(authorization: string, request: Request): Promise<Caller> {
  const token = /^Bearer\s+(\S+)$/i.exec(authorization.trim())?.[1];
  if (token && looksLikeMcpAccessToken(token)) {
    const verified = await verifyMcpAccessToken(token);
    if (!verified) return { response: unauthorized("The access token is invalid, expired or revoked.", true) };
    const membership = await findMembership({ orgId: verified.orgId, userId: verified.userId });
    if (!membership) return { response: unauthorized("The access token is invalid, expired or revoked.", true) };
    return {
      principal: {
        kind: "user",
        orgId: verified.orgId,
        userId: verified.userId,
        role: membership.role,
        scopes: verified.scopes,
        via: "oauth",
        clientId: verified.clientId,
      },
    };
  }
  let result;
  try {
    result = await authenticateApiKey(authorization, { clientIp: clientIp(request.headers) });
  } catch (error) {
    if (!isDomainError(error) || error.code !== "rate_limited") throw error;
    return { response: rateLimited(error.message, Number(error.details?.retryAfterSeconds ?? 60)) };
  }
  if (!result.ok) return { response: unauthorized(result.message, true) };
  if (!result.principal.scopes.includes("mcp:use"))
    return {
      response: oauthError(
        403,
        "insufficient_scope",
        "This API key lacks the mcp:use scope. Create a key with mcp:use in Settings → API keys.",
        'scope="mcp:use"',
      ),
    };
  return { principal: { kind: "apiKey", ...result.principal } };
}

/**
 * The browser session, for Bureau's own pages: only a same-origin request
 * (the browser says so in Sec-Fetch-Site, which no page can forge) naming an
 * org the user belongs to. A cross-site request never reaches this far with
 * the cookie anyway (SameSite=Lax), and its Origin was refused before.
 */
async function sessionCaller(request: Request): Promise<Caller> {
  const sameOrigin = request.headers.get("sec-fetch-site") === "same-origin";
  const orgId = parsePathParam(zId, request.headers.get(MCP_ORG_HEADER) ?? "");
  if (!sameOrigin || !orgId || !request.headers.get("cookie"))
    return { response: unauthorized("Send an OAuth access token or an org API key as a Bearer token.", false) };
  const session = await auth.api.getSession({ headers: request.headers });
  const membership = session ? await findMembership({ orgId, userId: session.user.id }) : null;
  if (!session || !membership) return { response: unauthorized("Sign in to Bureau, or send a Bearer token.", false) };
  return {
    principal: {
      kind: "user",
      orgId,
      userId: session.user.id,
      role: membership.role,
      scopes: bureauScopesFor(MCP_OAUTH_SCOPES, membership.role),
      via: "session",
      clientId: null,
    },
  };
}

function oauthError(status: number, error: string, description: string, extra?: string): Response {
  // A header carries Latin-1 only: the description goes there in plain ASCII (the body keeps it as written).
  const ascii = description
    .replace(/→/g, ">")
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/"/g, "'");
  const parts = [`error="${error}"`, `error_description="${ascii}"`];
  if (extra) parts.push(extra);
  parts.push(`resource_metadata="${protectedResourceMetadataUrl()}"`);
  return Response.json(
    { error, error_description: description },
    { status, headers: { "www-authenticate": `Bearer ${parts.join(", ")}` } },
  );
}

/**
 * 401. With no credential at all the challenge carries only the metadata
 * pointer (RFC 6750 §3.1: no error code when none was sent); a credential that
 * failed is `invalid_token`.
 */
function unauthorized(description: string, credentialSent: boolean): Response {
  if (credentialSent) return oauthError(401, "invalid_token", description);
  return Response.json(
    { error: "unauthorized", error_description: description },
    { status: 401, headers: { "www-authenticate": `Bearer resource_metadata="${protectedResourceMetadataUrl()}"` } },
  );
}

function rateLimited(message: string, retryAfterSeconds: number): Response {
  return Response.json(
    { jsonrpc: "2.0", error: { code: -32000, message }, id: null },
    { status: 429, headers: { "retry-after": String(Math.max(1, Math.ceil(retryAfterSeconds))) } },
  );
}

/**
 * Whether the credential of a long-lived request (the GET stream) still
 * holds: the key not revoked and still with mcp:use, the token not revoked,
 * the session not ended and the member still in the org. Spends no budget.
 */
export async function stillAuthenticated(request: Request, principal: McpPrincipal): Promise<boolean> {
  const authorization = request.headers.get("authorization");
  if (principal.kind === "apiKey") {
    const again = await authenticateApiKey(authorization);
    return again.ok && again.principal.keyId === principal.keyId && again.principal.scopes.includes("mcp:use");
  }
  if (principal.via === "oauth") {
    const token = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? "")?.[1];
    const verified = token ? await verifyMcpAccessToken(token) : null;
    return verified?.userId === principal.userId && verified.orgId === principal.orgId;
  }
  const session = await auth.api.getSession({ headers: request.headers });
  return (
    session?.user.id === principal.userId &&
    (await findMembership({ orgId: principal.orgId, userId: principal.userId })) !== null
  );
}
