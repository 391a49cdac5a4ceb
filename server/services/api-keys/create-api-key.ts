import { auth } from "../../auth/auth";
import { scopesToPermissions, type ApiKeyScope } from "../../auth/api-key-scopes";
import { db } from "../../db";
import { recordAudit } from "../audit/record-audit";

export interface CreateApiKeyInput {
  orgId: string;
  userId: string;
  name: string;
  scopes: ApiKeyScope[];
  /** Days until the key expires; null for a key that does not expire. */
  expiresInDays: number | null;
}

/**
 * Creates an org-owned key. The plain key is returned exactly once; only its
 * hash is stored. better-auth checks that the user may create keys in the org.
 */
export async function createApiKey(input: CreateApiKeyInput) {
  const created = await auth.api.createApiKey({
    body: {
      organizationId: input.orgId,
      userId: input.userId,
      name: input.name,
      permissions: scopesToPermissions(input.scopes),
      expiresIn: input.expiresInDays ? input.expiresInDays * 24 * 60 * 60 : null,
      metadata: { createdBy: input.userId },
    },
  });
  await db.$transaction((tx) =>
    recordAudit(tx, {
      orgId: input.orgId,
      actorUserId: input.userId,
      action: "api_key.created",
      target: created.id,
      data: { name: input.name, scopes: input.scopes },
    }),
  );
  return { id: created.id, key: created.key, start: created.start, name: input.name };
}
