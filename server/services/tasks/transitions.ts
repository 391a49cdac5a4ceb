import "server-only";
import type { TaskState } from "../../generated/prisma/enums";
import type { EventActor } from "../events/catalogue";
import { writeTask, type StatusChange } from "./write-task";

export interface TransitionInput extends StatusChange {
  taskId: string;
  /** Who moved it, for the org's event log (the agent when unset). */
  actor?: EventActor;
}

/**
 * Moves a task between states only from the expected ones (a late event
 * never overwrites a terminal state) and logs the change; an end settles the
 * hold in the same transaction (writeTask). Returns false when the task was
 * not in one of `from`, or when nothing would change and repeats are not
 * logged.
 */
export async function transitionTask({ taskId, actor, ...status }: TransitionInput): Promise<boolean> {
  return (await writeTask({ taskId, status, actor }))?.transitioned ?? false;
}

export const ACTIVE_STATES: TaskState[] = ["SUBMITTED", "WORKING", "INPUT_REQUIRED", "AUTH_REQUIRED"];
