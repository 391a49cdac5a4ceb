import { z } from "zod";
import { zId } from "./primitives";
import { dayRange, ZDaySchema } from "./statement-filter";
import type { AuditLogFilter } from "../services/audit/list-audit-log";

/**
 * The audit log's filters as the browser sends them (tRPC input and the CSV
 * link's query string): one action, one actor, and whole UTC days.
 */
export const ZAuditQuerySchema = z
  .object({
    action: z
      .string()
      .max(64)
      .regex(/^[a-z0-9_.]+$/, "That is not an audit action.")
      .nullish(),
    actorUserId: zId.nullish(),
    from: ZDaySchema.nullish(),
    to: ZDaySchema.nullish(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, {
    message: "The start date is after the end date.",
    path: ["to"],
  });
export type AuditQuery = z.infer<typeof ZAuditQuerySchema>;

export function toAuditFilter(query: AuditQuery): AuditLogFilter {
  return { action: query.action ?? null, actorUserId: query.actorUserId ?? null, ...dayRange(query) };
}
