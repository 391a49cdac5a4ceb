import { z } from "zod";
import { ZSellerListingRowSchema } from "./sell.types";

export const ZListListingsRequestSchema = z.object({ cursor: z.string().max(64).nullish() });
export const ZListListingsResponseSchema = z.object({
  items: z.array(ZSellerListingRowSchema),
  nextCursor: z.string().nullable(),
});
