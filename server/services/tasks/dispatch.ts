import "server-only";
import { sendEvent } from "../../jobs/send";
import type { JobEvent } from "../../jobs/types";
import { logger } from "../../logger";

/**
 * Sends the event that moves a recorded task forward. The task row already
 * says what should happen, so if the engine cannot be reached now the
 * lost-task sweep sends it later; the caller's request still succeeds.
 */
export async function dispatchTaskEvent(event: JobEvent<{ taskId: string } & Record<string, unknown>>): Promise<void> {
  try {
    await sendEvent(event);
  } catch (error) {
    logger.error(
      { err: error, taskId: event.data.taskId, event: event.name },
      "could not send a task event; the sweep will retry",
    );
  }
}
