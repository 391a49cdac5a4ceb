import "server-only";
import { auth } from "../../auth/auth";
import { permissionsToScopes, type ApiKeyScope } from "../../auth/api-key-scopes";
import { db } from "../../db";
import { DomainError } from "../../errors";
import { clientBucket } from "../../net/client-address";
import { peekToken, takeToken } from "../rate-limit/take-token";
import { apiKeyCache } from "./key-cache";

export interface ApiKeyPrincipal {
  keyId: string;
  keyName: string;
  orgId: string;
  scopes: ApiKeyScope[];
}

export type ApiKeyAuthResult =
  | { ok: true; principal: ApiKeyPrincipal }
  | { ok: false; code: "missing" | "malformed" | "invalid" | "revoked" | "expired"; message: string };

const BEARER = /^Bearer ([A-Za-z0-9_-]{16,200})$/;

/**
 * Failed key lookups allowed per client IP (IPv6: per /64): a burst of 20,
 * refilling one every 3 s. A program with a typo sees its 401s; someone
 * guessing keys from one address is refused before the key table is read.
 */
export const API_KEY_FAILURE_LIMIT = { limit: 20, windowSeconds: 60 } as const;

export interface AuthenticateApiKeyOptions {
  /** The caller's IP (services/rate-limit/client-ip.ts); when given, failed lookups are throttled per IP. */
  clientIp?: string;
}

/**
 * Resolves `Authorization: Bearer <org API key>` to the org and scopes it
 * grants. A key this process verified lately is answered from its key cache
 * (key-cache.ts) without a query. Otherwise, with a clientIp, an address whose
 * failure bucket is dry is refused with DomainError("rate_limited", …,
 * { retryAfterSeconds }) before any lookup (a valid key from it too: it cannot
 * be told apart without one), and every failed lookup spends from that bucket.
 */
export async function authenticateApiKey(
  authorization: string | null,
  options: AuthenticateApiKeyOptions = {},
): Promise<ApiKeyAuthResult> {
  if (!authorization) {
    return { ok: false, code: "missing", message: "Send an org API key as 'Authorization: Bearer <key>'." };
  }
  const match = BEARER.exec(authorization.trim());
  if (!match?.[1]) {
    return { ok: false, code: "malformed", message: "The Authorization header must be 'Bearer <key>'." };
  }
  const cached = apiKeyCache.get(match[1]);
  if (cached) return { ok: true, principal: cached };
  const failures =
    options.clientIp === undefined
      ? null
      : { key: `api-key-failures:ip:${clientBucket(options.clientIp)}`, ...API_KEY_FAILURE_LIMIT };
  if (failures) {
    const bucket = await peekToken(failures);
    if (!bucket.allowed) {
      throw new DomainError(
        "rate_limited",
        `Too many requests with an invalid API key from your address; try again in ${bucket.retryAfterSeconds} s.`,
        { retryAfterSeconds: bucket.retryAfterSeconds },
      );
    }
  }
  const result = await lookUpKey(match[1]);
  if (!result.ok && failures) await takeToken(failures);
  return result;
}

/** Verifies against the database (better-auth also writes the key's last-used time) and caches a success. */
async function lookUpKey(key: string): Promise<ApiKeyAuthResult> {
  const ticket = await apiKeyCache.begin();
  const result = await auth.api.verifyApiKey({ body: { key } });
  if (!result.valid || !result.key) {
    const reason = result.error?.code;
    if (reason === "KEY_DISABLED") return { ok: false, code: "revoked", message: "This API key has been revoked." };
    if (reason === "KEY_EXPIRED") return { ok: false, code: "expired", message: "This API key has expired." };
    return { ok: false, code: "invalid", message: "This API key is not valid." };
  }
  const org = await db.organization.findUnique({ where: { id: result.key.referenceId }, select: { id: true } });
  if (!org) return { ok: false, code: "invalid", message: "This API key is not valid." };
  const principal: ApiKeyPrincipal = {
    keyId: result.key.id,
    keyName: result.key.name ?? "Untitled key",
    orgId: org.id,
    scopes: permissionsToScopes(result.key.permissions),
  };
  const expiresAt = result.key.expiresAt ? new Date(result.key.expiresAt) : null;
  apiKeyCache.set(key, principal, expiresAt, ticket);
  return { ok: true, principal };
}
