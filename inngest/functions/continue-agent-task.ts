import "server-only";
import { defineFunction } from "@/server/jobs/types";
import type { EventData } from "@/inngest/events";
import { failUnreachable, runTurnSteps } from "@/inngest/turn-steps";

/** A later turn: the buyer answered an input-required task. */
export default defineFunction<EventData<"task/message.sent">>(
  { id: "continue-agent-task", trigger: { event: "task/message.sent" }, retries: 3 },
  ({ event, step }) => runTurnSteps(step, event.data.taskId, event.data.turn),
  ({ event, error }) => failUnreachable(event.data.taskId, error),
);
