import { z } from "zod";
import { zText } from "../../schemas/primitives";

/**
 * The limits of the knowledge graph as zod field schemas: the services parse
 * with them (every door, the agent's part and the import get the same checks
 * and sentences) and the tRPC inputs and forms reuse them. Shared with the
 * browser, so nothing here may import server-only code.
 */
export const ENTITY_NAME_MAX_LENGTH = 200;
export const ENTITY_TYPE_MAX_LENGTH = 60;
export const MAX_ALIASES = 20;
export const SUMMARY_MAX_LENGTH = 2_000;
export const OBSERVATION_MAX_LENGTH = 8_000;
export const RELATION_TYPE_MAX_LENGTH = 60;
export const SEARCH_QUERY_MAX_LENGTH = 500;
/** How far the graph explorer walks from an entity. */
export const MAX_NEIGHBOURHOOD_DEPTH = 3;
/** The explorer's node cap: past it the walk stops and says so. */
export const MAX_NEIGHBOURHOOD_NODES = 150;

/** Runs of whitespace inside a name are one space ("Acme   Corp" is "Acme Corp"). */
export const ZEntityNameSchema = zText(ENTITY_NAME_MAX_LENGTH)
  .transform((name) => name.replace(/\s+/g, " "))
  .pipe(z.string().min(1, "Give the entity a name."));

/** "Customer", " customer " and "CUSTOMER" are one type: lower-case letters, digits, spaces, - and _. */
export const ZEntityTypeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Say what kind of thing it is (customer, person, product…).")
  .max(ENTITY_TYPE_MAX_LENGTH, `Keep the type under ${ENTITY_TYPE_MAX_LENGTH} characters.`)
  .regex(/^[a-z0-9][a-z0-9 _-]*$/, "A type is lower-case letters, digits, spaces, hyphens and underscores.")
  .transform((type) => type.replace(/\s+/g, " "));

export const ZAliasesSchema = z
  .array(
    zText(ENTITY_NAME_MAX_LENGTH)
      .transform((alias) => alias.replace(/\s+/g, " "))
      .pipe(z.string().min(1, "An alias cannot be empty.")),
  )
  .max(MAX_ALIASES, `At most ${MAX_ALIASES} aliases.`);

export const ZSummarySchema = zText(SUMMARY_MAX_LENGTH);

export const ZObservationTextSchema = zText(
  OBSERVATION_MAX_LENGTH,
  `Keep an observation under ${OBSERVATION_MAX_LENGTH.toLocaleString("en-US")} characters; ` +
    "split a long text into several facts.",
).pipe(z.string().min(1, "Write the fact."));

export const ZConfidenceSchema = z
  .number({ error: "Confidence is a number from 0 to 1." })
  .min(0, "Confidence is a number from 0 to 1.")
  .max(1, "Confidence is a number from 0 to 1.");

/** "Works at", "works-at" and "WORKS_AT" are one relation type: works_at. */
export const ZRelationTypeSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Name the relation (works_at, uses, owns…).")
  .max(RELATION_TYPE_MAX_LENGTH, `Keep the relation under ${RELATION_TYPE_MAX_LENGTH} characters.`)
  .transform((type) => type.replace(/[\s-]+/g, "_"))
  .pipe(z.string().regex(/^[a-z0-9][a-z0-9_]*$/, "A relation is lower-case letters, digits and underscores."));

export const ZSearchQuerySchema = zText(SEARCH_QUERY_MAX_LENGTH).pipe(
  z.string().min(1, "Type something to search for."),
);

/** What makes two names the same entity: case and runs of whitespace do not count. */
export const nameKeyOf = (name: string) => name.trim().replace(/\s+/g, " ").toLowerCase();
