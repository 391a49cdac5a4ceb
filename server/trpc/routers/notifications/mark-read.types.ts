import { z } from "zod";
import { zId } from "../../../schemas/primitives";

/** Either some notifications by id, or every unread one (`all: true`). */
export const ZMarkReadRequestSchema = z
  .object({
    ids: z.array(zId).min(1).max(100).optional(),
    all: z.literal(true).optional(),
  })
  .refine((input) => (input.ids === undefined) !== (input.all === undefined), {
    message: "Give either ids or all: true.",
  });
export const ZMarkReadResponseSchema = z.object({ updated: z.number().int().nonnegative() });
