import "server-only";
import { createHash } from "node:crypto";

/**
 * Prefixes on what Bureau's authorization server hands out (not stored: the
 * plugin strips them). They tell an MCP access token from an org API key
 * (`bureau_…`) at a glance, and let secret scanners recognise leaked ones.
 */
export const OAUTH_TOKEN_PREFIX = {
  opaqueAccessToken: "bmcp_at_",
  refreshToken: "bmcp_rt_",
  clientSecret: "bmcp_cs_",
} as const;

/**
 * How access tokens, refresh tokens and authorization codes are stored: the
 * SHA-256 of the value (base64url), never the value. Given to the OAuth
 * provider as `storeTokens.hash`, so verifyMcpAccessToken finds a token by
 * the same digest without reaching into the plugin.
 */
export function hashOAuthToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}
