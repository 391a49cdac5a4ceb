import "server-only";
import type { EventData } from "@/inngest/events";
import { defineFunction } from "@/server/jobs/types";
import { finishRequestOfRun } from "@/server/services/company/requests/finish-request";

/** A plan's run ended: its department request ends with it (compiled answer, or why not). */
export default defineFunction<EventData<"workflow/run.finished">>(
  { id: "finish-company-request", trigger: { event: "workflow/run.finished" }, retries: 3 },
  async ({ event, step }) => {
    await step.run("finish", () => finishRequestOfRun(event.data.runId));
  },
);
