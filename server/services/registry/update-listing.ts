import "server-only";
import { eventTransaction } from "../events/event-transaction";
import { recordAudit } from "../audit/record-audit";
import { recordEvent } from "../events/record-event";
import { DomainError } from "../../errors";
import { searchTextFor } from "./listing-fields";
import { addSearchWords } from "./search-words";

export interface ListingTerms {
  pricePerTask?: number;
  categories?: string[];
  tags?: string[];
}

/**
 * Changes the seller's terms of one of their listings. The where clause holds
 * the seller org, so another org's listing is "not found".
 */
export async function updateListing(input: { orgId: string; agentId: string; userId: string; terms: ListingTerms }) {
  return eventTransaction(async (tx) => {
    const agent = await tx.agent.findFirst({
      where: { id: input.agentId, orgId: input.orgId },
      select: { id: true, name: true, skills: { select: { name: true, tags: true } } },
    });
    if (!agent) throw new DomainError("agent_not_found", "Listing not found.");
    const { pricePerTask, categories, tags } = input.terms;
    if (tags) await addSearchWords(tx, tags);
    const updated = await tx.agent.update({
      where: { id: agent.id },
      data: {
        pricePerTask,
        categories,
        tags,
        ...(tags
          ? {
              searchText: searchTextFor(
                agent.name,
                agent.skills.map((s) => s.name),
                [...agent.skills.flatMap((s) => s.tags), ...tags],
              ),
            }
          : {}),
      },
      select: { id: true, pricePerTask: true, categories: true, tags: true },
    });
    await recordAudit(tx, {
      orgId: input.orgId,
      actorUserId: input.userId,
      action: "agent.terms_updated",
      target: agent.id,
      data: { ...input.terms },
    });
    await recordEvent(tx, {
      orgId: input.orgId,
      type: "listing.updated",
      subject: { type: "listing", id: agent.id },
      actor: { kind: "user", id: input.userId },
      data: { change: "terms", pricePerTask, categories, tags },
    });
    return updated;
  });
}
