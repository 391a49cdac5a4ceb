import "server-only";
import type { NormalizedCard } from "../../a2a/card/parse-card";

const unique = (values: string[]) => [...new Set(values.map((v) => v.trim()).filter(Boolean))];

/** The Agent columns that mirror a card (everything the catalog filters or ranks on). */
export function listingFieldsFromCard(card: NormalizedCard) {
  const skillText = card.skills
    .map((s) => [s.name, s.description, s.tags.join(" "), s.examples.join(" ")].join(" "))
    .join(" ");
  return {
    name: card.name,
    description: card.description,
    endpointUrl: card.endpointUrl,
    protocolVersion: card.endpointProtocolVersion,
    provider: card.provider?.organization ?? null,
    providerUrl: card.provider?.url ?? null,
    docsUrl: card.documentationUrl,
    iconUrl: card.iconUrl,
    streaming: card.streaming,
    pushNotifications: card.pushNotifications,
    inputModes: unique(card.skills.flatMap((s) => s.inputModes)),
    outputModes: unique(card.skills.flatMap((s) => s.outputModes)),
    skillText: skillText.slice(0, 20_000),
    searchText: searchTextFor(
      card.name,
      card.skills.map((s) => s.name),
      card.skills.flatMap((s) => s.tags),
    ),
  };
}

/** What typo-tolerant (trigram) matching compares a query against. */
export function searchTextFor(name: string, skillNames: string[], tags: string[]): string {
  return unique([name, ...skillNames, ...tags])
    .join(" ")
    .slice(0, 2_000);
}

export function skillRowsFromCard(card: NormalizedCard) {
  return card.skills.map((s, position) => ({
    skillId: s.id,
    position,
    name: s.name,
    description: s.description,
    tags: s.tags,
    examples: s.examples,
    inputModes: s.inputModes,
    outputModes: s.outputModes,
  }));
}
