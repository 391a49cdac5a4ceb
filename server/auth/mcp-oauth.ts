import "server-only";
import { db } from "../db";
import { appUrl } from "../env";
import { bureauScopesFor } from "./mcp-oauth-scopes";
import { hashOAuthToken, OAUTH_TOKEN_PREFIX } from "./oauth-tokens";

/** The canonical resource URI of the MCP server (RFC 8707 audience): <APP_URL>/api/mcp */
export function mcpResourceUri(): string {
  return `${appUrl()}/api/mcp`;
}

/** <APP_URL>/.well-known/oauth-protected-resource/api/mcp */
export function protectedResourceMetadataUrl(): string {
  return `${appUrl()}/.well-known/oauth-protected-resource/api/mcp`;
}

/**
 * The issuer of Bureau's authorization server: better-auth's base URL, which
 * carries its /api/auth path (so its RFC 8414 metadata is at
 * /.well-known/oauth-authorization-server/api/auth).
 */
export function authorizationServerIssuer(): string {
  return `${appUrl()}/api/auth`;
}

export interface McpOAuthPrincipal {
  userId: string;
  /** The org the user chose on the consent screen. */
  orgId: string;
  /** Bureau's API scopes (server/auth/mcp-oauth-scopes.ts), already narrowed to the user's current role. */
  scopes: string[];
  clientId: string;
}

/** True for a value shaped like one of Bureau's OAuth access tokens (not an org API key). */
export function looksLikeMcpAccessToken(token: string): boolean {
  return token.startsWith(OAUTH_TOKEN_PREFIX.opaqueAccessToken);
}

/**
 * A valid access token for /api/mcp (audience-bound to it), or null.
 *
 * Valid means: issued by Bureau's authorization server (an opaque token, found
 * by its SHA-256), not expired, not revoked (by /oauth2/revoke, a refresh
 * replay, signing out of the browser session it was issued in, or
 * disconnecting the client in settings), its audience includes
 * mcpResourceUri() (RFC 8707: a token asked for another resource, or for
 * none, is refused), its client is not disabled, and the user is still a
 * member of the org they chose. The scopes are mapped to Bureau's and
 * narrowed to what the member's role allows now; a token left without
 * `mcp:use` is refused.
 *
 * The browser session's own expiry does not end the grant: offline access is
 * the refresh token's, and signing out revokes the access tokens of that
 * session (the plugin's session hook).
 */
export async function verifyMcpAccessToken(token: string): Promise<McpOAuthPrincipal | null> {
  if (!looksLikeMcpAccessToken(token)) return null;
  const value = token.slice(OAUTH_TOKEN_PREFIX.opaqueAccessToken.length);
  if (!value) return null;
  const row = await db.oauthAccessToken.findUnique({
    where: { token: hashOAuthToken(value) },
    select: {
      clientId: true,
      userId: true,
      referenceId: true,
      resources: true,
      scopes: true,
      expiresAt: true,
      revoked: true,
      client: { select: { disabled: true } },
    },
  });
  if (!row || row.revoked || row.expiresAt <= new Date() || row.client.disabled) return null;
  if (!row.userId || !row.referenceId) return null;
  if (!(row.resources ?? []).includes(mcpResourceUri())) return null;
  const membership = await db.member.findUnique({
    where: { organizationId_userId: { organizationId: row.referenceId, userId: row.userId } },
    select: { role: true },
  });
  if (!membership) return null;
  const scopes = bureauScopesFor(row.scopes ?? [], membership.role);
  if (scopes.length === 0) return null;
  return { userId: row.userId, orgId: row.referenceId, scopes, clientId: row.clientId };
}
