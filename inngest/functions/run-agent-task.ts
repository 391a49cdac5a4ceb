import "server-only";
import { defineFunction } from "@/server/jobs/types";
import type { EventData } from "@/inngest/events";
import { failUnreachable, runTurnSteps } from "@/inngest/turn-steps";

/**
 * A task's first turn. A task that asks for input stays open (its hold
 * held) until continue-agent-task runs the next turn.
 */
export default defineFunction<EventData<"task/started">>(
  { id: "run-agent-task", trigger: { event: "task/started" }, retries: 3 },
  ({ event, step }) => runTurnSteps(step, event.data.taskId, 1),
  ({ event, error }) => failUnreachable(event.data.taskId, error),
);
