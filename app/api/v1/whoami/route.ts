import { jsonError } from "@/server/http/handle";
import { restRoute } from "@/server/http/rest";
import { authenticateApiKey } from "@/server/services/api-keys/authenticate-api-key";
import { clientIp } from "@/server/services/rate-limit/client-ip";
import { db } from "@/server/db";

export const dynamic = "force-dynamic";

/** Tells a program which org and scopes its API key stands for. */
export const GET = restRoute(async (request: Request) => {
  // Bad keys are throttled per client IP before the lookup: that refusal is a
  // DomainError, answered 429 with Retry-After by the REST door.
  const result = await authenticateApiKey(request.headers.get("authorization"), {
    clientIp: clientIp(request.headers),
  });
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
