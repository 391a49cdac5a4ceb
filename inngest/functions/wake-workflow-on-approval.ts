import "server-only";
import type { EventData } from "@/inngest/events";
import { sendEvent } from "@/server/jobs/send";
import { defineFunction } from "@/server/jobs/types";

/**
 * A decision wakes the run waiting on it. Waits match on their trigger's
 * data, and a run's only field is runId, so the run waits on one event for
 * everything it may wait on (approvals, sub-workflows): `workflow/run.wake`.
 */
export default defineFunction<EventData<"workflow/approval.decided">>(
  { id: "wake-workflow-on-approval", trigger: { event: "workflow/approval.decided" }, retries: 3 },
  async ({ event, step }) => {
    const { runId, approvalId } = event.data;
    await step.run("wake", () =>
      sendEvent({
        name: "workflow/run.wake",
        id: `workflow-run-wake:${runId}:approval:${approvalId}`,
        data: { runId, reason: "approval" },
      }),
    );
  },
);
