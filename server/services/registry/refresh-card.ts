import "server-only";
import { db } from "../../db";
import { eventTransaction } from "../events/event-transaction";
import { recordAudit } from "../audit/record-audit";
import { recordEvent } from "../events/record-event";
import { loadCard } from "./create-listing";
import { DomainError } from "../../errors";
import { recordCardVersion } from "./record-card-version";

export type RefreshCardResult = { ok: true; changed: boolean; version: number } | { ok: false; errors: string[] };

/**
 * Seller: re-reads the card from its URL, or takes newly pasted JSON. A card
 * that differs from the latest snapshot becomes the next version.
 */
export async function refreshListingCard(input: {
  orgId: string;
  agentId: string;
  userId: string;
  text?: string | null;
  fetchImpl?: typeof fetch;
}): Promise<RefreshCardResult> {
  const agent = await db.agent.findFirst({
    where: { id: input.agentId, orgId: input.orgId },
    select: { id: true, cardUrl: true },
  });
  if (!agent) throw new DomainError("agent_not_found", "Listing not found.");
  if (!input.text && !agent.cardUrl) {
    throw new DomainError(
      "invalid_input",
      "This listing was created from pasted JSON; paste the new card to update it.",
    );
  }
  const loaded = input.text
    ? await loadCard({ kind: "json", text: input.text })
    : await loadCard({ kind: "url", url: agent.cardUrl ?? "" }, input.fetchImpl);
  if (!loaded.ok) return loaded;
  return eventTransaction(async (tx) => {
    const result = await recordCardVersion(tx, {
      agentId: agent.id,
      card: loaded.card,
      raw: loaded.raw,
      source: input.text ? "paste" : "refresh",
    });
    if (result.changed) {
      await recordAudit(tx, {
        orgId: input.orgId,
        actorUserId: input.userId,
        action: "agent.card_updated",
        target: agent.id,
        data: { version: result.version },
      });
      await recordEvent(tx, {
        orgId: input.orgId,
        type: "listing.updated",
        subject: { type: "listing", id: agent.id },
        actor: { kind: "user", id: input.userId },
        data: { change: "card", version: result.version },
      });
    }
    return { ok: true as const, ...result };
  });
}
