import { z } from "zod";

const int = z.number().int();
export const ZGetRevenueResponseSchema = z.object({
  revenueTotal: int,
  revenueThisMonth: int,
  taskVolumeThisMonth: int,
  tasksThisMonth: int,
  purchasesThisMonth: z.object({ count: int, credits: int, amountCents: int }),
  grantedTotal: int,
  sellersOwed: z.object({ pending: int, available: int }),
  failingPayouts: int,
  months: z.array(z.object({ month: z.string(), fees: int, volume: int, tasks: int })),
  ledger: z.object({ ok: z.boolean(), problems: int }),
});
