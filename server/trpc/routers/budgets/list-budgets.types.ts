import { z } from "zod";

export const ZBudgetLineSchema = z.object({
  departmentId: z.string().nullable(),
  capCredits: z.number().int().nullable(),
  spentCredits: z.number().int(),
  percent: z.number().int().nullable(),
  alert: z.boolean(),
});
export const ZListBudgetsResponseSchema = z.object({
  month: z.string(),
  org: ZBudgetLineSchema,
  departments: z.array(ZBudgetLineSchema),
});
