import "server-only";
import type { EventData } from "@/inngest/events";
import { defineFunction } from "@/server/jobs/types";
import { emailNotifications } from "@/server/services/notifications/email-notifications";
import { attemptDelivery } from "@/server/services/webhooks/attempt-delivery";
import { createEndpointDisabledNotifications } from "@/server/services/webhooks/notify-endpoint-disabled";
import { retrySchedule } from "@/server/services/webhooks/retry-schedule";

/**
 * One outbound webhook message to one endpoint: attempts on the retry
 * schedule (0, 30 s, 2 min, … 24 h; WEBHOOK_RETRY_SCHEDULE_MS), with durable
 * sleeps between them. An attempt records its own failure and returns, so
 * step retries are only for our database; a 2xx, a disabled endpoint or a
 * deleted delivery ends the run. A failure that disables the endpoint tells
 * its owners and admins (bell, then email).
 */
export default defineFunction<EventData<"webhook/delivery.requested">>(
  { id: "deliver-webhook", trigger: { event: "webhook/delivery.requested" }, retries: 3 },
  async ({ event, step }) => {
    const { deliveryId } = event.data;
    const schedule = retrySchedule();
    for (let i = 0; i < schedule.length; i++) {
      if (i > 0) await step.sleep(`wait-${i}`, schedule[i]! - schedule[i - 1]!);
      const next = schedule[i + 1];
      const result = await step.run(`attempt-${i}`, () =>
        attemptDelivery({ deliveryId, nextDelayMs: next === undefined ? null : next - schedule[i]! }),
      );
      if (result.disabledEndpoint && result.endpointId) {
        const endpointId = result.endpointId;
        const { sourceKey } = await step.run("notify-disabled", () =>
          createEndpointDisabledNotifications({ endpointId }),
        );
        if (sourceKey) await step.run("email-disabled", () => emailNotifications({ sourceKey }));
        return { attempts: i + 1, outcome: "endpoint_disabled" };
      }
      if (result.outcome !== "failed") return { attempts: i + 1, outcome: result.outcome };
    }
    return { attempts: schedule.length, outcome: "failed" };
  },
);
