import "server-only";
import { auth } from "../../auth/auth";
import { scopesToPermissions, type ApiKeyScope } from "../../auth/api-key-scopes";
import { eventTransaction } from "../events/event-transaction";
import { recordAudit } from "../audit/record-audit";
import { recordEvent } from "../events/record-event";

export interface CreateApiKeyInput {
  orgId: string;
  userId: string;
  name: string;
  scopes: ApiKeyScope[];
  /** Days until the key expires; null for a key that does not expire. */
  expiresInDays: number | null;
}

/** The characters of a key the list shows after its prefix, to tell keys apart (as Stripe shows the last four). */
export const LAST_CHARACTERS = 4;

/**
 * Creates an org-owned key. The plain key is returned exactly once; only its
 * hash is stored. better-auth checks that the user may create keys in the org.
 * Its `start` column holds the first 6 characters, which for every key is
 * the "bureau_" prefix, so the last four are kept in the key's metadata here,
 * the only moment they are known.
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
  const lastFour = created.key.slice(-LAST_CHARACTERS);
  await eventTransaction(async (tx) => {
    // Written the way better-auth writes metadata (a JSON string), so its own reads keep working.
    await tx.apikey.update({
      where: { id: created.id },
      data: { metadata: JSON.stringify({ createdBy: input.userId, lastFour }) },
    });
    await recordAudit(tx, {
      orgId: input.orgId,
      actorUserId: input.userId,
      action: "api_key.created",
      target: created.id,
      data: { name: input.name, scopes: input.scopes, lastFour },
    });
    await recordEvent(tx, {
      orgId: input.orgId,
      type: "api_key.created",
      subject: { type: "api_key", id: created.id },
      actor: { kind: "user", id: input.userId },
      data: { name: input.name, scopes: input.scopes, lastFour },
    });
  });
  return { id: created.id, key: created.key, start: created.start, name: input.name };
}
