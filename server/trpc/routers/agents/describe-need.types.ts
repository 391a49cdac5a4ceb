import { z } from "zod";
import { ZListingSummarySchema } from "./listing.types";

export { ZDescribeNeedSchema as ZDescribeNeedRequestSchema } from "../../../services/registry/describe-need";
export const ZDescribeNeedResponseSchema = z.object({
  terms: z.array(z.string()),
  matches: z.array(
    z.object({
      listing: ZListingSummarySchema,
      coverage: z.number(),
      score: z.number(),
      reason: z.object({ skill: z.string(), matchedTerms: z.array(z.string()), example: z.string().nullable() }),
    }),
  ),
});
