import { handle, jsonError } from "@/server/http/handle";
import { authenticateApiKey } from "@/server/services/api-keys/authenticate-api-key";
import { db } from "@/server/db";

export const dynamic = "force-dynamic";

/** Tells a program which org and scopes its API key stands for. */
export const GET = handle(async (request: Request) => {
  const result = await authenticateApiKey(request.headers.get("authorization"));
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
