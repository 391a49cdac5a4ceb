import "server-only";
import { db } from "../../db";
import { recordAudit } from "../audit/record-audit";

/**
 * Disables a key of this org. The key stays listed (as revoked) for the audit
 * trail. Returns false when no such key exists in this org.
 */
export async function revokeApiKey(input: { orgId: string; keyId: string; userId: string }): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const { count } = await tx.apikey.updateMany({
      where: { id: input.keyId, referenceId: input.orgId, enabled: true },
      data: { enabled: false, updatedAt: new Date() },
    });
    if (count === 0) {
      const exists = await tx.apikey.count({ where: { id: input.keyId, referenceId: input.orgId } });
      return exists > 0; // already revoked: still a success for the caller
    }
    await recordAudit(tx, {
      orgId: input.orgId,
      actorUserId: input.userId,
      action: "api_key.revoked",
      target: input.keyId,
    });
    return true;
  });
}
