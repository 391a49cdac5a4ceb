import "server-only";
import { DomainError, isDomainError } from "../errors";
import { jsonError } from "../http/handle";
import type { RestAnswer } from "../http/rest";
import {
  API_KEY_FAILURE_LIMIT,
  authenticateApiKey,
  type ApiKeyPrincipal,
} from "../services/api-keys/authenticate-api-key";
import { clientIp } from "../services/rate-limit/client-ip";
import { limitRequest } from "../services/rate-limit/limit-request";
import { takeToken } from "../services/rate-limit/take-token";
import type { RouteAccess } from "./route";

/**
 * Calls an org API key may make to /api/v1, per key: a burst of 1,200
 * refilling 20 a second. Above the gateway's 600 a minute because one
 * program may hold many event streams on one key (bench/org-events opens
 * 1,000 at once).
 */
export const API_KEY_RATE_LIMIT = { limit: 1_200, windowSeconds: 60 } as const;

/**
 * Requests to a key route that carry no valid key, per client IP. They are
 * counted so that these answers, too, say where the caller stands
 * (X-RateLimit-*); bad keys are throttled harder before the lookup
 * (API_KEY_FAILURE_LIMIT).
 */
export const ANONYMOUS_RATE_LIMIT = { scope: "api-v1-anonymous", limit: 120, windowSeconds: 60 } as const;

/** The bucket of one key's /api/v1 calls. */
export const apiKeyBucket = (keyId: string) => `api-v1:key:${keyId}`;

const setLimitHeaders = (answer: RestAnswer, limit: number, remaining: number) => {
  answer.headers.set("x-ratelimit-limit", String(limit));
  answer.headers.set("x-ratelimit-remaining", String(remaining));
};

/**
 * The one gate of a route, before any parameter, body or row is read: the
 * rate limit and, for key routes, the key and its scope. Returns the
 * principal (null on public routes) or the answer to send instead (429, 401);
 * throws DomainError for refusals the REST door shapes (429, 403). Every
 * outcome leaves its bucket's X-RateLimit-* in `answer`.
 */
export async function admit(
  request: Request,
  access: RouteAccess,
  answer: RestAnswer,
): Promise<ApiKeyPrincipal | null | Response> {
  if (access.kind === "public") {
    const { limited, headers } = await limitRequest(request, access.rateLimit);
    for (const [name, value] of Object.entries(headers)) answer.headers.set(name, value);
    return limited ?? null;
  }
  let result;
  try {
    result = await authenticateApiKey(request.headers.get("authorization"), { clientIp: clientIp(request.headers) });
  } catch (error) {
    // The address's bad-key bucket is dry: that bucket is the one refusing.
    if (isDomainError(error) && error.code === "rate_limited") setLimitHeaders(answer, API_KEY_FAILURE_LIMIT.limit, 0);
    throw error;
  }
  if (!result.ok) {
    const { limited, headers } = await limitRequest(request, ANONYMOUS_RATE_LIMIT);
    for (const [name, value] of Object.entries(headers)) answer.headers.set(name, value);
    if (limited) return limited;
    return jsonError(401, `api_key_${result.code}`, result.message, { headers: { "www-authenticate": "Bearer" } });
  }
  const { principal } = result;
  const bucket = await takeToken({ key: apiKeyBucket(principal.keyId), ...API_KEY_RATE_LIMIT });
  setLimitHeaders(answer, API_KEY_RATE_LIMIT.limit, bucket.remaining);
  if (!bucket.allowed) {
    const { limit } = API_KEY_RATE_LIMIT;
    const wait = bucket.retryAfterSeconds;
    throw new DomainError(
      "rate_limited",
      `This API key made more than ${limit} calls in a minute; try again in ${wait} s.`,
      { retryAfterSeconds: wait },
    );
  }
  if (access.scope && !principal.scopes.includes(access.scope)) {
    throw new DomainError("missing_scope", `This API key lacks the ${access.scope} scope.`);
  }
  return principal;
}
