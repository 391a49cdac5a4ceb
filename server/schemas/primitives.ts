import { z } from "zod";

/**
 * The zod primitives every door parses outside input with (tRPC inputs, REST
 * parameters, URL path segments). Shared with client components (forms use
 * the same limits), so nothing here may import server-only code or Prisma.
 *
 * Every string is bounded, and free text refuses the two things Postgres and
 * JSON cannot hold: NUL bytes (Postgres rejects them in text, which surfaced
 * as a 500) and unpaired UTF-16 surrogates (not text at all; they cannot be
 * encoded as UTF-8). Ids, slugs and cursors are restricted to the characters
 * we mint, so they need no such check.
 */

/** A NUL or a lone surrogate; with the `u` flag, \p{Cs} matches only unpaired surrogates. */
const NOT_TEXT = /[\u0000\p{Cs}]/u;

/** True when `value` holds neither a NUL byte nor an unpaired surrogate. */
export const isCleanText = (value: string): boolean => !NOT_TEXT.test(value);

export const NOT_TEXT_MESSAGE = "Remove the NUL bytes or broken Unicode characters.";

const characters = (n: number) => n.toLocaleString("en-US");

/**
 * Free text from a person or program, trimmed, at most `max` characters
 * (UTF-16 code units, as `maxLength` counts them in the browser). Chain
 * `.min(1, "…")` for a required field.
 */
export function zText(max: number, tooLong = `Keep it under ${characters(max)} characters.`) {
  return z.string().trim().max(max, tooLong).refine(isCleanText, NOT_TEXT_MESSAGE);
}

/**
 * Our ids: better-auth's (32 alphanumerics), UUIDs (v4 and the v7 of Prisma
 * defaults), cuid-like tokens. Any of them fits this charset and length.
 */
export const ID_PATTERN = /^[A-Za-z0-9_-]+$/;
export const ID_MAX_LENGTH = 64;

export const zId = z
  .string({ error: "Expected an id." })
  .min(1, "Expected an id.")
  .max(ID_MAX_LENGTH, "That id is too long.")
  .regex(ID_PATTERN, "That is not a valid id.");

/** An id minted by another system (a Stripe Checkout Session id); same charset, their length limit. */
export const zExternalId = z
  .string({ error: "Expected an id." })
  .min(1, "Expected an id.")
  .max(255, "That id is too long.")
  .regex(ID_PATTERN, "That is not a valid id.");

/** A URL slug (agents, orgs, categories): letters, digits, hyphens and underscores. */
export const SLUG_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

export const zSlug = z
  .string({ error: "Expected an address." })
  .trim()
  .min(1, "Expected an address.")
  .max(100, "That address is too long.")
  .regex(SLUG_PATTERN, "That is not a valid address.");

export const CURSOR_MESSAGE = "That page cursor is not valid; start from the first page.";

/**
 * An opaque page cursor as our pagers hand them out (a base64url token or
 * an id). Whatever it decodes to is checked again by the pager; a crafted
 * one is a 4xx, never a query.
 */
export const zCursor = z
  .string({ error: CURSOR_MESSAGE })
  .min(1, CURSOR_MESSAGE)
  .max(512, CURSOR_MESSAGE)
  .regex(/^[A-Za-z0-9_-]+$/, CURSOR_MESSAGE);

/** Postgres bigint's largest value: a longer number would make the query fail, not match nothing. */
const MAX_BIGINT = 9_223_372_036_854_775_807n;

/** A bigint row id written in decimal (audit log ids as cursors, task event ids as Last-Event-ID). */
export const zSerialId = z
  .string({ error: "Expected a numeric id." })
  // One check: zod runs every refinement even after the pattern failed, and BigInt("1.5") throws.
  .refine((v) => /^\d{1,19}$/.test(v) && BigInt(v) <= MAX_BIGINT, "Expected a numeric id.");

/** How many rows a page holds. */
export function zPageSize(opts: { max: number; default: number }) {
  return z
    .number({ error: "The page size must be a number." })
    .int("The page size must be a whole number.")
    .min(1, "The page size must be at least 1.")
    .max(opts.max, `The page size can be at most ${opts.max}.`)
    .default(opts.default);
}

/**
 * A dynamic URL segment parsed with `schema`, or null (the page calls
 * notFound(), the route answers 404). Valid ids and slugs never need
 * percent-decoding, so a segment is checked as received: "%00", a NUL, a
 * lone surrogate or a 10 KB segment simply fail the schema.
 */
export function parsePathParam<T>(schema: z.ZodType<T>, raw: unknown): T | null {
  const parsed = schema.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
