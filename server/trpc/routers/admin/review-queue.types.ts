import { z } from "zod";
import { zId } from "../../../schemas/primitives";
import { ZCardJsonSchema, ZHealthSchema, ZStatusSchema } from "../agents/listing.types";
import { ZListingPhaseSchema } from "../sell/sell.types";

export const ZReviewQueueRequestSchema = z.object({
  status: ZStatusSchema.default("IN_REVIEW"),
  /** The last listing id of the previous page. */
  cursor: zId.nullish(),
});
export const ZReviewQueueResponseSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      slug: z.string(),
      name: z.string(),
      description: z.string(),
      status: ZStatusSchema,
      statusReason: z.string().nullable(),
      cardUrl: z.string().nullable(),
      endpointUrl: z.string(),
      pricePerTask: z.number().int(),
      categories: z.array(z.string()),
      submittedAt: z.date().nullable(),
      health: ZHealthSchema,
      healthFlagged: z.boolean(),
      currentVersion: z.number().int(),
      sellerName: z.string(),
      skillNames: z.array(z.string()),
      phase: ZListingPhaseSchema,
      card: ZCardJsonSchema,
      lastCheck: z
        .object({
          ok: z.boolean(),
          httpStatus: z.number().int().nullable(),
          latencyMs: z.number().int().nullable(),
          error: z.string().nullable(),
          checkedAt: z.date(),
        })
        .nullable(),
      /** Other listings already calling the same endpoint. */
      sameEndpoint: z.array(
        z.object({
          id: z.string(),
          slug: z.string(),
          name: z.string(),
          sellerName: z.string(),
          sameSeller: z.boolean(),
          phase: ZListingPhaseSchema,
        }),
      ),
    }),
  ),
  nextCursor: z.string().nullable(),
  counts: z.record(z.string(), z.number().int()),
});
