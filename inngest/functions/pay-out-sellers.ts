import "server-only";
import { env } from "@/server/env";
import { defineFunction } from "@/server/jobs/types";
import { listSellersDueForPayout } from "@/server/services/payouts/list-due-sellers";

/**
 * Daily: one `payout/seller.due` per seller with money to send or a failed
 * payout to retry. The event id carries the day, so a re-run of the same
 * day's schedule starts no second payout run.
 */
export default defineFunction(
  { id: "pay-out-sellers", trigger: { cron: "0 6 * * *" }, retries: 3 },
  async ({ step }) => {
    const due = await step.run("list-due-sellers", async () => ({
      day: new Date().toISOString().slice(0, 10),
      sellers: await listSellersDueForPayout({ minimumCredits: env.PAYOUT_MINIMUM_CREDITS }),
    }));
    if (due.sellers.length > 0) {
      await step.sendEvent(
        "fan-out",
        due.sellers.map((sellerOrgId) => ({
          name: "payout/seller.due",
          id: `payout:${sellerOrgId}:${due.day}`,
          data: { sellerOrgId },
        })),
      );
    }
    return { sellers: due.sellers.length };
  },
);
