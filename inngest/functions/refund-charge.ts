import "server-only";
import type { EventData } from "@/inngest/events";
import { defineFunction } from "@/server/jobs/types";
import { applyChargeRefund } from "@/server/services/billing/apply-charge-refund";

/** charge.refunded: take the refunded credits back from the wallet (which may go negative). */
export default defineFunction<EventData<"stripe/charge.refunded">>(
  { id: "refund-charge", trigger: { event: "stripe/charge.refunded" }, retries: 5 },
  async ({ event, step }) => step.run("apply-refund", () => applyChargeRefund({ chargeId: event.data.chargeId })),
);
