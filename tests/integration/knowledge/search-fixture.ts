import { createEntity } from "@/server/services/knowledge/create-entity";
import { relateEntities } from "@/server/services/knowledge/relate-entities";

/**
 * A small company's knowledge (customers, people, products, suppliers,
 * policies) and queries a person or a task would ask, each with the entities
 * that answer it. Used by the hybrid search test and by
 * bench/knowledge.bench.ts (precision@5, with and without vectors). The
 * queries mix exact names, aliases, typos, words from the facts and
 * questions in plain English whose words partly miss the facts' (where
 * vectors are meant to help).
 */
export const FIXTURE_ENTITIES: {
  name: string;
  type: string;
  aliases?: string[];
  summary?: string;
  facts: string[];
}[] = [
  {
    name: "Acme Corporation",
    type: "customer",
    aliases: ["Acme"],
    summary: "Manufacturing customer on the enterprise plan.",
    facts: [
      "Acme renews its enterprise licence every March.",
      "Acme's finance team pays invoices net 60.",
      "Acme asked for single sign-on with Okta before renewal.",
    ],
  },
  {
    name: "Globex",
    type: "customer",
    aliases: ["Globex Corporation"],
    summary: "Logistics customer in Rotterdam.",
    facts: [
      "Globex ships spare parts across Europe from Rotterdam.",
      "Globex churn risk is high after the price rise.",
    ],
  },
  {
    name: "Initech",
    type: "customer",
    summary: "Software customer, small team.",
    facts: ["Initech uses the starter plan with five seats.", "Initech's admin prefers email over phone calls."],
  },
  {
    name: "Umbrella Health",
    type: "customer",
    summary: "Hospital group; strict data residency.",
    facts: [
      "Umbrella Health requires all patient data to stay in the EU.",
      "Umbrella Health signed a data processing agreement in 2026.",
    ],
  },
  {
    name: "Dana Reyes",
    type: "person",
    summary: "CFO at Acme.",
    facts: ["Dana Reyes approves every Acme purchase above 50k.", "Dana Reyes prefers quarterly business reviews."],
  },
  {
    name: "Tom Becker",
    type: "person",
    summary: "Our account manager for Globex and Initech.",
    facts: ["Tom Becker speaks German and Dutch.", "Tom Becker is on leave in August."],
  },
  {
    name: "Priya Natarajan",
    type: "person",
    summary: "Head of security.",
    facts: [
      "Priya Natarajan signs off on every security questionnaire.",
      "Priya Natarajan runs the yearly penetration test.",
    ],
  },
  {
    name: "Bureau Pro",
    type: "product",
    summary: "Our enterprise plan.",
    facts: ["Bureau Pro includes single sign-on and audit logs.", "Bureau Pro costs 40 credits per seat per month."],
  },
  {
    name: "Bureau Starter",
    type: "product",
    summary: "Our entry plan.",
    facts: ["Bureau Starter allows up to ten seats.", "Bureau Starter has no single sign-on."],
  },
  {
    name: "Northwind Logistics",
    type: "supplier",
    aliases: ["Northwind"],
    summary: "Courier for hardware shipments.",
    facts: ["Northwind delivers hardware within two working days.", "Northwind's contract ends in June 2027."],
  },
  {
    name: "Contoso Cloud",
    type: "supplier",
    summary: "Hosting provider.",
    facts: ["Contoso Cloud hosts our EU region in Frankfurt.", "Contoso Cloud's uptime commitment is 99.95 percent."],
  },
  {
    name: "Refund Policy",
    type: "policy",
    summary: "When customers get money back.",
    facts: [
      "Customers can get a full refund within 30 days of purchase.",
      "Refunds after 30 days need approval from finance.",
    ],
  },
  {
    name: "Travel Policy",
    type: "policy",
    summary: "Business travel rules.",
    facts: [
      "Flights over six hours may be booked in premium economy.",
      "Hotel costs are capped at 180 euros per night.",
    ],
  },
  {
    name: "Security Questionnaire Process",
    type: "process",
    summary: "How we answer customer security reviews.",
    facts: [
      "Security questionnaires are answered within five working days.",
      "The trust portal holds our SOC 2 report.",
    ],
  },
  {
    name: "Onboarding Checklist",
    type: "process",
    summary: "First week of a new customer.",
    facts: ["New customers get a kickoff call in their first week.", "Onboarding ends with an admin training session."],
  },
  {
    name: "Q3 Pricing Change",
    type: "decision",
    summary: "Prices rose ten percent in the third quarter.",
    facts: ["List prices rose by ten percent on 1 July.", "Existing customers keep their old price until renewal."],
  },
];

export const FIXTURE_RELATIONS: [string, string, string][] = [
  ["Dana Reyes", "works_at", "Acme Corporation"],
  ["Acme Corporation", "uses", "Bureau Pro"],
  ["Initech", "uses", "Bureau Starter"],
  ["Tom Becker", "manages", "Globex"],
  ["Tom Becker", "manages", "Initech"],
  ["Umbrella Health", "uses", "Bureau Pro"],
  ["Contoso Cloud", "hosts", "Bureau Pro"],
  ["Priya Natarajan", "owns", "Security Questionnaire Process"],
];

/** A query and the entities that answer it (precision@5 counts these among the first five). */
export const FIXTURE_QUERIES: { query: string; relevant: string[]; kind: string }[] = [
  { query: "Acme", relevant: ["Acme Corporation", "Dana Reyes"], kind: "name" },
  { query: "Globex Corporation", relevant: ["Globex", "Tom Becker"], kind: "alias" },
  { query: "Initek", relevant: ["Initech"], kind: "typo" },
  { query: "Priya Natrajan", relevant: ["Priya Natarajan"], kind: "typo" },
  { query: "single sign-on", relevant: ["Bureau Pro", "Acme Corporation", "Bureau Starter"], kind: "words" },
  { query: "refund", relevant: ["Refund Policy"], kind: "words" },
  { query: "Rotterdam", relevant: ["Globex"], kind: "words" },
  { query: "EU data residency", relevant: ["Umbrella Health", "Contoso Cloud"], kind: "words" },
  { query: "Who approves large purchases at Acme?", relevant: ["Dana Reyes"], kind: "question" },
  { query: "When does Acme renew?", relevant: ["Acme Corporation"], kind: "question" },
  {
    query: "How fast do we answer security reviews?",
    relevant: ["Security Questionnaire Process", "Priya Natarajan"],
    kind: "question",
  },
  { query: "hotel price limit on business trips", relevant: ["Travel Policy"], kind: "paraphrase" },
  { query: "Can a customer get their money back?", relevant: ["Refund Policy"], kind: "paraphrase" },
  { query: "Which courier ships our hardware?", relevant: ["Northwind Logistics"], kind: "question" },
  { query: "Where is our European hosting?", relevant: ["Contoso Cloud"], kind: "paraphrase" },
  { query: "price increase", relevant: ["Q3 Pricing Change", "Globex"], kind: "paraphrase" },
  // No word in common with the facts that answer them: what vectors are for.
  { query: "reimbursement rules", relevant: ["Refund Policy"], kind: "semantic" },
  { query: "availability SLA of our servers", relevant: ["Contoso Cloud"], kind: "semantic" },
  { query: "which clients might cancel", relevant: ["Globex"], kind: "semantic" },
  { query: "staff vacation", relevant: ["Tom Becker"], kind: "semantic" },
  { query: "healthcare privacy obligations", relevant: ["Umbrella Health"], kind: "semantic" },
];

/** Writes the fixture into the org as `actor`; the entity ids by name. */
export async function loadSearchFixture(
  orgId: string,
  actor: { kind: "user"; userId: string },
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const entity of FIXTURE_ENTITIES) {
    const { id } = await createEntity({
      orgId,
      actor,
      name: entity.name,
      type: entity.type,
      aliases: entity.aliases,
      summary: entity.summary,
      observations: entity.facts.map((text) => ({ text })),
    });
    ids.set(entity.name, id);
  }
  for (const [from, type, to] of FIXTURE_RELATIONS)
    await relateEntities({ orgId, actor, fromId: ids.get(from)!, toId: ids.get(to)!, type });
  return ids;
}

/** Standard precision@5: the share of the first five results that answer the query. */
export function precisionAt5(ranked: readonly string[], relevant: readonly string[]): number {
  const top = ranked.slice(0, 5);
  return top.filter((name) => relevant.includes(name)).length / 5;
}

/** The best precision@5 a query allows (fewer than five relevant entities cap it). */
export const idealPrecisionAt5 = (relevant: readonly string[]) => Math.min(relevant.length, 5) / 5;

/** Recall@5: the share of the relevant entities among the first five. */
export function recallAt5(ranked: readonly string[], relevant: readonly string[]): number {
  const top = new Set(ranked.slice(0, 5));
  return relevant.filter((name) => top.has(name)).length / relevant.length;
}
