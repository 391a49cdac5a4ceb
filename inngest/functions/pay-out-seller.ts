import "server-only";
import type { EventData } from "@/inngest/events";
import { defineFunction } from "@/server/jobs/types";
import { payOutSeller } from "@/server/services/payouts/pay-out-seller";

/**
 * Pays one seller. A failed transfer is recorded on the payout (the seller
 * sees it) and thrown, so the engine retries with backoff; every retry
 * resumes the same payout, never a new one. If all retries fail, the payout
 * stays FAILED and tomorrow's run tries again.
 */
export default defineFunction<EventData<"payout/seller.due">>(
  {
    id: "pay-out-seller",
    trigger: { event: "payout/seller.due" },
    retries: 4,
    concurrency: { limit: 1, key: "sellerOrgId" },
  },
  async ({ event, step }) =>
    step.run("transfer", async () => {
      const result = await payOutSeller({ sellerOrgId: event.data.sellerOrgId });
      if (result.status === "failed") throw new Error(`Payout ${result.payoutId} failed: ${result.error}`);
      return result;
    }),
);
