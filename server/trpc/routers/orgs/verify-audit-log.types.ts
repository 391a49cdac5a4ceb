import { z } from "zod";

export const ZVerifyAuditLogResponseSchema = z.discriminatedUnion("ok", [
  z.object({ ok: z.literal(true), rows: z.number().int(), lastHash: z.string().nullable(), checkedAt: z.date() }),
  z.object({
    ok: z.literal(false),
    rows: z.number().int(),
    brokenAt: z.string(),
    reason: z.enum(["prev_hash_mismatch", "hash_mismatch", "unknown_scheme", "scheme_downgrade"]),
    checkedAt: z.date(),
  }),
]);
