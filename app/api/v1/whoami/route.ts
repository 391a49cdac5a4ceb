import { jsonError } from "@/server/http/handle";
import { restRoute } from "@/server/http/rest";
import { isDomainError } from "@/server/errors";
import { authenticateApiKey } from "@/server/services/api-keys/authenticate-api-key";
import { clientIp } from "@/server/services/rate-limit/client-ip";
import { db } from "@/server/db";

export const dynamic = "force-dynamic";

/** Tells a program which org and scopes its API key stands for. */
export const GET = restRoute(async (request: Request) => {
  const result = await authenticateApiKey(request.headers.get("authorization"), {
    clientIp: clientIp(request.headers),
  }).catch((error: unknown) => {
    // Bad keys are throttled per client IP before the lookup; the 429 says when to retry.
    if (!isDomainError(error) || error.code !== "rate_limited") throw error;
    const retryAfter = String(error.details?.retryAfterSeconds ?? 60);
    return jsonError(429, error.code, error.message, { headers: { "retry-after": retryAfter } });
  });
  if (result instanceof Response) return result;
  if (!result.ok) {
    return jsonError(401, `api_key_${result.code}`, result.message, { headers: { "www-authenticate": "Bearer" } });
  }
  const { principal } = result;
  const org = await db.organization.findUniqueOrThrow({
    where: { id: principal.orgId },
    select: { id: true, name: true, slug: true },
  });
  return Response.json({ org, key: { id: principal.keyId, name: principal.keyName, scopes: principal.scopes } });
});
