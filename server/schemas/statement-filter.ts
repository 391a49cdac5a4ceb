import { z } from "zod";
import type { StatementFilter } from "../services/statements/list-statement";
import { STATEMENT_KINDS } from "./statement-kinds";

const DAY_MS = 86_400_000;

/** A calendar day, "2026-11-24", read as that UTC day. */
export const ZDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-24.")
  // Date.parse rolls 2026-02-30 over to March; a real day reads back the same.
  .refine((value) => {
    const at = Date.parse(`${value}T00:00:00Z`);
    return !Number.isNaN(at) && new Date(at).toISOString().slice(0, 10) === value;
  }, "That date does not exist.");

/**
 * Pure zod and types only: the statement page validates its URL filters with
 * this same schema before asking, so it must stay free of server imports.
 *
 * The statement's filters as the browser sends them (tRPC input and the CSV
 * link's query string): kinds, and a range of whole UTC days, both ends
 * included.
 */
export const ZStatementQuerySchema = z
  .object({
    kinds: z.array(z.enum(STATEMENT_KINDS)).max(STATEMENT_KINDS.length).nullish(),
    from: ZDaySchema.nullish(),
    to: ZDaySchema.nullish(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: "The start date is after the end date.",
    path: ["to"],
  });
export type StatementQuery = z.infer<typeof ZStatementQuerySchema>;

/** Whole UTC days, both ends included, as the instants a query compares with (`to` exclusive). */
export function dayRange(query: { from?: string | null; to?: string | null }): { from: Date | null; to: Date | null } {
  return {
    from: query.from ? new Date(`${query.from}T00:00:00Z`) : null,
    to: query.to ? new Date(Date.parse(`${query.to}T00:00:00Z`) + DAY_MS) : null,
  };
}

export function toStatementFilter(query: StatementQuery): StatementFilter {
  return { kinds: query.kinds?.length ? query.kinds : null, ...dayRange(query) };
}
