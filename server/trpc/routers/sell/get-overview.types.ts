import { z } from "zod";

export const ZGetSellerOverviewResponseSchema = z.object({
  monthStart: z.date(),
  earnings: z.object({
    /** The seller's share of this month's completed tasks, from the ledger's capture entries. */
    thisMonth: z.number().int(),
    pending: z.number().int(),
    available: z.number().int(),
  }),
  tasks: z.object({ thisMonth: z.number().int(), completedThisMonth: z.number().int() }),
  rating: z.object({ average: z.number().nullable(), count: z.number().int(), unanswered: z.number().int() }),
  health: z.object({
    live: z.number().int(),
    healthy: z.number().int(),
    failing: z.number().int(),
    unchecked: z.number().int(),
  }),
});
