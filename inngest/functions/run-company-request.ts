import "server-only";
import type { EventData } from "@/inngest/events";
import { defineFunction } from "@/server/jobs/types";
import { actOnDecision, decideRequest, failRequest } from "@/server/services/company/requests/run-request";

/**
 * A department's (or the company's) manager takes a request's turn: decide
 * (a route, a plan or a question; recorded on the task, so a replay does not
 * ask an LLM twice), then act on it (ask the question, or start the plan's
 * run, behind an acceptance step when its price is above the threshold).
 */
export default defineFunction<EventData<"company/request.started">>(
  { id: "run-company-request", trigger: { event: "company/request.started" }, retries: 3 },
  async ({ event, step }) => {
    const { taskId, turn } = event.data;
    const decided = await step.run("decide", async () => (await decideRequest(taskId, turn))?.decision.kind ?? null);
    if (decided === null) return { state: "gone" };
    await step.run("act", () => actOnDecision(taskId, turn));
    return { decided };
  },
  // The manager kept failing (a bug, a database away): the request fails with a sentence, not silence.
  async ({ event, error }) => failRequest(event.data.taskId, error),
);
