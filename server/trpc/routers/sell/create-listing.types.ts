import { z } from "zod";
import {
  ZCategoriesSchema,
  ZCardSourceSchema,
  ZPriceSchema,
  ZTagsSchema,
} from "../../../services/registry/create-listing";

export { ZCardSourceResultSchema as ZCreateListingResponseSchema } from "../agents/listing.types";
export const ZCreateListingRequestSchema = z.object({
  source: ZCardSourceSchema,
  pricePerTask: ZPriceSchema,
  categories: ZCategoriesSchema,
  tags: ZTagsSchema.default([]),
});
