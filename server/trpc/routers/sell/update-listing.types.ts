import { z } from "zod";
import { zId } from "../../../schemas/primitives";
import { ZCategoriesSchema, ZPriceSchema, ZTagsSchema } from "../../../services/registry/create-listing";

export const ZUpdateListingRequestSchema = z.object({
  agentId: zId,
  pricePerTask: ZPriceSchema.optional(),
  categories: ZCategoriesSchema.optional(),
  tags: ZTagsSchema.optional(),
});
export const ZUpdateListingResponseSchema = z.object({
  id: z.string(),
  pricePerTask: z.number().int(),
  categories: z.array(z.string()),
  tags: z.array(z.string()),
});
