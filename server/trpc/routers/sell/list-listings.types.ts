import { z } from "zod";
import { zId } from "../../../schemas/primitives";
import { ZSellerListingRowSchema } from "./sell.types";

export const ZListListingsRequestSchema = z.object({
  /** The last listing id of the previous page. */ cursor: zId.nullish(),
});
export const ZListListingsResponseSchema = z.object({
  items: z.array(ZSellerListingRowSchema),
  nextCursor: z.string().nullable(),
});
