import { auth } from "../../auth/auth";
import { permissionsToScopes, type ApiKeyScope } from "../../auth/api-key-scopes";
import { db } from "../../db";

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

/** Resolves `Authorization: Bearer <org API key>` to the org and scopes it grants. */
export async function authenticateApiKey(authorization: string | null): Promise<ApiKeyAuthResult> {
  if (!authorization) {
    return { ok: false, code: "missing", message: "Send an org API key as 'Authorization: Bearer <key>'." };
  }
  const match = BEARER.exec(authorization.trim());
  if (!match?.[1]) {
    return { ok: false, code: "malformed", message: "The Authorization header must be 'Bearer <key>'." };
  }
  const result = await auth.api.verifyApiKey({ body: { key: match[1] } });
  if (!result.valid || !result.key) {
    const reason = result.error?.code;
    if (reason === "KEY_DISABLED") return { ok: false, code: "revoked", message: "This API key has been revoked." };
    if (reason === "KEY_EXPIRED") return { ok: false, code: "expired", message: "This API key has expired." };
    return { ok: false, code: "invalid", message: "This API key is not valid." };
  }
  const org = await db.organization.findUnique({ where: { id: result.key.referenceId }, select: { id: true } });
  if (!org) return { ok: false, code: "invalid", message: "This API key is not valid." };
  return {
    ok: true,
    principal: {
      keyId: result.key.id,
      keyName: result.key.name ?? "Untitled key",
      orgId: org.id,
      scopes: permissionsToScopes(result.key.permissions),
    },
  };
}
