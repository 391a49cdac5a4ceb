import "server-only";
import { eventTransaction } from "../events/event-transaction";
import { recordAudit } from "../audit/record-audit";
import { recordEvent } from "../events/record-event";
import { API_KEY_REVOKED_CHANNEL, apiKeyCache } from "./key-cache";

/**
 * Disables a key of this org. The key stays listed (as revoked) for the audit
 * trail. Returns false when no such key exists in this org. The NOTIFY is
 * delivered on commit to every process, whose key caches drop the key (this
 * one's is dropped directly, so the caller's next request is refused).
 */
export async function revokeApiKey(input: { orgId: string; keyId: string; userId: string }): Promise<boolean> {
  const found = await eventTransaction(async (tx) => {
    const { count } = await tx.apikey.updateMany({
      where: { id: input.keyId, referenceId: input.orgId, enabled: true },
      data: { enabled: false, updatedAt: new Date() },
    });
    if (count === 0) {
      const exists = await tx.apikey.count({ where: { id: input.keyId, referenceId: input.orgId } });
      return exists > 0; // already revoked: still a success for the caller
    }
    await tx.$executeRaw`SELECT pg_notify(${API_KEY_REVOKED_CHANNEL}, ${input.keyId})`;
    await recordAudit(tx, {
      orgId: input.orgId,
      actorUserId: input.userId,
      action: "api_key.revoked",
      target: input.keyId,
    });
    await recordEvent(tx, {
      orgId: input.orgId,
      type: "api_key.revoked",
      subject: { type: "api_key", id: input.keyId },
      actor: { kind: "user", id: input.userId },
      data: {},
    });
    return true;
  });
  // This process's cache at once, without waiting for its own notification.
  apiKeyCache.invalidate(input.keyId);
  return found;
}
