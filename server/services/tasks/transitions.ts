import "server-only";
import { db } from "../../db";
import type { TaskState } from "../../generated/prisma/enums";
import { isTerminal, type BureauMessage } from "../../a2a/bureau-format";
import { appendTaskEvent } from "./task-events";

export interface TransitionInput {
  taskId: string;
  to: TaskState;
  from: TaskState[];
  /** The agent's status message, shown to the buyer. */
  message?: BureauMessage;
  statusText?: string;
  /**
   * Whether an update that changes nothing (same state, same text) is still
   * logged. A streamed status update is something the agent said, so it is;
   * a polled snapshot repeating the state already recorded is not.
   */
  logRepeats?: boolean;
}

/**
 * Moves a task between states only from the expected ones (a conditional
 * update, so a late event never overwrites a terminal state) and logs the
 * change. Returns false when the task was not in one of `from`, or when
 * nothing would change and repeats are not logged.
 */
export async function transitionTask(input: TransitionInput): Promise<boolean> {
  return db.$transaction(async (tx) => {
    const now = new Date();
    const task = await tx.task.findUnique({
      where: { id: input.taskId },
      select: { orgId: true, state: true, statusMessage: true, startedAt: true, createdAt: true },
    });
    if (!task) return false;
    // Polling, or a snapshot after a stream, repeats what is already recorded.
    const unchanged = task.state === input.to && (task.statusMessage ?? undefined) === input.statusText;
    if (unchanged && !input.logRepeats) return false;
    const terminal = isTerminal(input.to);
    const { count } = await tx.task.updateMany({
      where: { id: input.taskId, state: { in: input.from } },
      data: {
        state: input.to,
        statusMessage: input.statusText ?? null,
        ...(input.to === "WORKING" && !task.startedAt ? { startedAt: now } : {}),
        ...(terminal
          ? { finishedAt: now, durationMs: now.getTime() - (task.startedAt ?? task.createdAt).getTime() }
          : {}),
      },
    });
    if (count === 0) return false;
    await appendTaskEvent(tx, {
      taskId: input.taskId,
      orgId: task.orgId,
      kind: "status",
      data: {
        state: input.to,
        ...(input.message ? { message: input.message } : {}),
        ...(input.statusText ? { text: input.statusText } : {}),
        timestamp: now.toISOString(),
      },
    });
    return true;
  });
}

export const ACTIVE_STATES: TaskState[] = ["SUBMITTED", "WORKING", "INPUT_REQUIRED"];
