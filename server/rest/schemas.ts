import "server-only";
import { z } from "zod";

/** Every refusal of /api/v1 (server/http/handle.ts writes it). */
export const ZApiErrorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({
        description:
          "Stable and documented: branch on it (`invalid_input`, `api_key_missing`, `missing_scope`, " +
          "`agent_not_found`, `rate_limited`, `payload_too_large`, `internal_error`, …).",
        example: "invalid_input",
      }),
      message: z.string().meta({ description: "A sentence to show a person.", example: "limit: must be a number" }),
      requestId: z
        .string()
        .optional()
        .meta({ description: "Only on internal errors: quote it to support (also in X-Request-Id)." }),
    }),
  })
  .meta({ id: "Error", description: "`{ error: { code, message } }`, the one error shape of the API." });

/** A time as the API writes it: ISO 8601 in UTC (Date#toISOString). */
export const zDateTime = z.string().meta({ format: "date-time", example: "2026-11-02T09:30:00.000Z" });

/**
 * A page of a list: `items`, and `nextCursor` to pass back as `?cursor=` for
 * the next page (null on the last). New lists use this shape; the catalog's
 * `agents` and the event log's `events`/`next` predate it and keep theirs.
 */
export function zCursorPage<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().meta({ description: "Pass back as `cursor` for the next page; null: the last." }),
  });
}
