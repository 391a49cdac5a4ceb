import "server-only";
import { z } from "zod";
import type { NormalizedCard, ParseCardResult } from "../../a2a/card/parse-card";
import { db } from "../../db";
import { zText } from "../../schemas/primitives";
import { checkFetchableUrl } from "../../net/safe-fetch";
import { findUnsafeUrlError } from "../../net/unsafe-url-error";
import { recordAudit } from "../audit/record-audit";
import { CATEGORY_SLUGS } from "../../schemas/categories";
import { cardUrlFor, fetchAgentCard, parseStorableCard } from "./fetch-card";
import { recordCardVersion } from "./record-card-version";
import { uniqueSlug } from "./slug";

export const ZPriceSchema = z
  .number({ error: "Enter a price in credits." })
  .int("Use a whole number of credits.")
  .min(1, "The price must be at least 1 credit.")
  .max(100_000, "The price can be at most 100,000 credits.");
export const ZCategoriesSchema = z
  .array(z.enum(CATEGORY_SLUGS, { error: "Choose categories from the list." }))
  .min(1, "Choose at least one category.")
  .max(3, "Choose at most 3 categories.");
export const ZTagsSchema = z
  .array(zText(30, "Keep each tag under 30 characters.").toLowerCase().min(1, "A tag cannot be empty."))
  .max(10, "Use at most 10 tags.");

export const ZCardSourceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("url"), url: zText(2048, "That URL is too long.").min(1, "Enter the card's URL.") }),
  z.object({
    kind: z.literal("json"),
    text: zText(256 * 1024, "The card is larger than 256 KiB.").min(2, "Paste the card's JSON."),
  }),
]);
export type CardSourceInput = z.infer<typeof ZCardSourceSchema>;

/** Reads a card from a URL (SSRF-safe) or pasted text, and checks its endpoint is a fetchable URL. */
export async function loadCard(
  source: CardSourceInput,
  fetchImpl?: typeof fetch,
): Promise<ParseCardResult & { cardUrl: string | null }> {
  const cardUrl = source.kind === "url" ? cardUrlFor(source.url) : null;
  const parsed =
    source.kind === "url" ? await fetchAgentCard(cardUrlFor(source.url), fetchImpl) : parseStorableCard(source.text);
  if (!parsed.ok) return { ...parsed, cardUrl };
  const endpointProblem = endpointError(parsed.card);
  return endpointProblem ? { ok: false, errors: [endpointProblem], cardUrl } : { ...parsed, cardUrl };
}

function endpointError(card: NormalizedCard): string | null {
  try {
    checkFetchableUrl(card.endpointUrl);
    return null;
  } catch (error) {
    const refusal = findUnsafeUrlError(error);
    if (!refusal) throw error;
    return `The agent's endpoint ${card.endpointUrl} cannot be used: ${refusal.message}`;
  }
}

export interface CreateListingInput {
  orgId: string;
  userId: string;
  source: CardSourceInput;
  pricePerTask: number;
  categories: string[];
  tags: string[];
  fetchImpl?: typeof fetch;
}

export type CreateListingResult = { ok: true; agentId: string; slug: string } | { ok: false; errors: string[] };

/** A new draft listing from an Agent Card: version 1 of its card, its skills, the seller's terms. */
export async function createListing(input: CreateListingInput): Promise<CreateListingResult> {
  const loaded = await loadCard(input.source, input.fetchImpl);
  if (!loaded.ok) return loaded;
  const { card, raw } = loaded;
  const tags = input.tags.length
    ? input.tags
    : [...new Set(card.skills.flatMap((s) => s.tags.map((t) => t.toLowerCase())))].slice(0, 10);
  const agent = await db.$transaction(async (tx) => {
    const created = await tx.agent.create({
      data: {
        orgId: input.orgId,
        slug: await uniqueSlug(tx, card.name),
        name: card.name,
        description: card.description,
        cardUrl: loaded.cardUrl,
        endpointUrl: card.endpointUrl,
        pricePerTask: input.pricePerTask,
        categories: input.categories,
        tags,
      },
      select: { id: true, slug: true },
    });
    await recordCardVersion(tx, {
      agentId: created.id,
      card,
      raw,
      source: input.source.kind === "url" ? "url" : "paste",
    });
    await recordAudit(tx, {
      orgId: input.orgId,
      actorUserId: input.userId,
      action: "agent.created",
      target: created.id,
      data: { slug: created.slug, cardUrl: loaded.cardUrl },
    });
    return created;
  });
  return { ok: true, agentId: agent.id, slug: agent.slug };
}
