import "server-only";
import { jsonError } from "../../http/handle";
import { clientIpBucket } from "./client-ip";
import { takeToken } from "./take-token";

/**
 * For route handlers: takes a token for this client under `scope`. Returns a
 * 429 response (with Retry-After) when the bucket is empty, else the headers
 * to add to the real response.
 */
export async function limitRequest(request: Request, opts: { scope: string; limit: number; windowSeconds: number }) {
  const result = await takeToken({
    key: `${opts.scope}:ip:${clientIpBucket(request.headers)}`,
    limit: opts.limit,
    windowSeconds: opts.windowSeconds,
  });
  const headers = { "x-ratelimit-limit": String(opts.limit), "x-ratelimit-remaining": String(result.remaining) };
  if (result.allowed) return { limited: null, headers };
  return {
    limited: jsonError(429, "rate_limited", `Too many requests; try again in ${result.retryAfterSeconds} s.`, {
      headers: { ...headers, "retry-after": String(result.retryAfterSeconds) },
    }),
    headers,
  };
}
