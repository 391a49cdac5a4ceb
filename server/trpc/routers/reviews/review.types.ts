import { z } from "zod";
import { zId, zPageSize } from "../../../schemas/primitives";

/** The org's own review of an agent, as its run page shows it. */
export const ZOwnReviewSchema = z.object({
  id: z.string(),
  rating: z.number().int(),
  text: z.string(),
  sellerReply: z.string().nullable(),
  repliedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

/** A review as anyone may see it: the reviewing company, never the person. */
export const ZPublicReviewSchema = ZOwnReviewSchema.extend({
  orgName: z.string(),
  agent: z.object({ slug: z.string(), name: z.string() }),
});
export const ZReviewPageSchema = z.object({ items: z.array(ZPublicReviewSchema), nextCursor: z.string().nullable() });

export const ZReviewPageRequestSchema = z.object({
  /** The last review id of the previous page. */
  cursor: zId.nullish(),
  limit: zPageSize({ max: 50, default: 10 }),
});
