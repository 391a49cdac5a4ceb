import "server-only";
import type { NormalizedCard } from "../../a2a/card/parse-card";
import type { Tx } from "../../db";
import { canonicalJson } from "./card-diff";
import { toJsonObject } from "./json-value";
import { listingFieldsFromCard, searchTextFor, skillRowsFromCard } from "./listing-fields";
import { addSearchWords } from "./search-words";

export type CardSource = "url" | "paste" | "refresh" | "health" | "seed";

/**
 * Stores a card snapshot as the listing's next version when it differs from
 * the latest one, and brings the listing's columns and skills in line with
 * it. A published listing whose endpoint moved goes back to review: buyers'
 * tasks must not silently follow a card to a new server.
 */
export async function recordCardVersion(
  tx: Tx,
  input: {
    agentId: string;
    card: NormalizedCard;
    raw: unknown;
    source: CardSource;
    /** false only for the demo seed, which re-bases its own agents' URLs. */
    reviewEndpointChange?: boolean;
  },
): Promise<{ changed: boolean; version: number }> {
  const agent = await tx.agent.findUniqueOrThrow({
    where: { id: input.agentId },
    select: {
      status: true,
      endpointUrl: true,
      tags: true,
      versions: { orderBy: { version: "desc" }, take: 1, select: { version: true, card: true } },
    },
  });
  const latest = agent.versions[0];
  if (latest && canonicalJson(latest.card) === canonicalJson(input.raw))
    return { changed: false, version: latest.version };

  const version = (latest?.version ?? 0) + 1;
  await tx.agentVersion.create({
    data: {
      agentId: input.agentId,
      version,
      card: toJsonObject(input.raw),
      cardVersion: input.card.version,
      source: input.source,
    },
  });
  const fields = listingFieldsFromCard(input.card);
  const searchText = searchTextFor(
    input.card.name,
    input.card.skills.map((s) => s.name),
    [...input.card.skills.flatMap((s) => s.tags), ...agent.tags],
  );
  const moved =
    input.reviewEndpointChange !== false &&
    // A paused listing too: resuming skips review, so it must not resume onto an unreviewed endpoint.
    (agent.status === "PUBLISHED" || agent.status === "PAUSED") &&
    latest !== undefined &&
    fields.endpointUrl !== agent.endpointUrl;
  await tx.agent.update({
    where: { id: input.agentId },
    data: {
      ...fields,
      searchText,
      currentVersion: version,
      ...(moved
        ? {
            status: "IN_REVIEW",
            submittedAt: new Date(),
            statusReason: "The card now points to a different endpoint, so the listing is being reviewed again.",
          }
        : {}),
    },
  });
  await tx.agentSkill.deleteMany({ where: { agentId: input.agentId } });
  await tx.agentSkill.createMany({
    data: skillRowsFromCard(input.card).map((s) => ({ ...s, agentId: input.agentId })),
  });
  await addSearchWords(tx, [searchText, fields.skillText, fields.description]);
  return { changed: true, version };
}
