import "server-only";
import { DomainError } from "../../errors";
import { recordAudit } from "../../services/audit/record-audit";
import { eventTransaction } from "../../services/events/event-transaction";

/**
 * Ends one connection of the user's: the consent goes, the client's refresh
 * tokens for that user and org are revoked and its access tokens deleted, so
 * its next request to /api/mcp is refused and it must ask for consent again.
 * Another user's connection (or an unknown id) is "not found" and changes
 * nothing. Recorded in the org's audit log.
 */
export async function disconnectApp(input: { userId: string; connectionId: string }): Promise<void> {
  await eventTransaction(async (tx) => {
    const consent = await tx.oauthConsent.findFirst({
      where: { id: input.connectionId, userId: input.userId },
      select: { id: true, clientId: true, referenceId: true, client: { select: { name: true } } },
    });
    if (!consent) throw new DomainError("not_found", "That connection was not found.");
    const grant = { clientId: consent.clientId, userId: input.userId, referenceId: consent.referenceId };
    await tx.oauthConsent.delete({ where: { id: consent.id } });
    await tx.oauthAccessToken.deleteMany({ where: grant });
    await tx.oauthRefreshToken.updateMany({ where: { ...grant, revoked: null }, data: { revoked: new Date() } });
    if (consent.referenceId) {
      await recordAudit(tx, {
        orgId: consent.referenceId,
        actorUserId: input.userId,
        action: "oauth_app.disconnected",
        target: consent.clientId,
        data: { clientName: consent.client.name ?? null },
      });
    }
  });
}
