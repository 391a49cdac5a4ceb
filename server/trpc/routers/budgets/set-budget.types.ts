import { z } from "zod";
import { zId } from "../../../schemas/primitives";

export const ZSetBudgetRequestSchema = z.object({
  /** null: the organization-wide cap. */
  departmentId: zId.nullable().default(null),
  /** null removes the cap. */
  monthlyCapCredits: z
    .number({ error: "Enter a whole number of credits." })
    .int("Enter a whole number of credits.")
    .min(1, "A cap must be at least 1 credit.")
    .max(2_000_000_000, "That cap is too large.")
    .nullable(),
});
export const ZSetBudgetResponseSchema = z.object({ changed: z.boolean() });
