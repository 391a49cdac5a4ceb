import { z } from "zod";
import { CATALOG_SORTS } from "../../../schemas/catalog-query";
import { ZListingSummarySchema } from "./listing.types";

export { ZCatalogQuerySchema as ZSearchAgentsRequestSchema } from "../../../schemas/catalog-query";
export const ZSearchAgentsResponseSchema = z.object({
  items: z.array(ZListingSummarySchema),
  nextCursor: z.string().nullable(),
  sort: z.enum(CATALOG_SORTS),
});
