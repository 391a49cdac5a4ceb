import type { TaskState } from "@/server/schemas/enums";
import { formatCredits } from "@/components/format";

export const TASK_STATES: TaskState[] = [
  "SUBMITTED",
  "WORKING",
  "INPUT_REQUIRED",
  "AUTH_REQUIRED",
  "COMPLETED",
  "FAILED",
  "CANCELED",
  "REJECTED",
];

export const STATE_LABEL: Record<TaskState, string> = {
  SUBMITTED: "Submitted",
  WORKING: "Working",
  INPUT_REQUIRED: "Needs your input",
  AUTH_REQUIRED: "Awaiting approval",
  COMPLETED: "Completed",
  FAILED: "Failed",
  CANCELED: "Canceled",
  REJECTED: "Rejected",
};

export const isActiveState = (state: TaskState) =>
  state === "SUBMITTED" || state === "WORKING" || state === "INPUT_REQUIRED" || state === "AUTH_REQUIRED";

/** "850 ms", "12.3 s", "4 min 5 s", "1 h 3 min". */
export function formatDuration(ms: number): string {
  if (ms < 1_000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${(ms / 1_000).toFixed(1)} s`;
  const totalSeconds = Math.round(ms / 1_000);
  const minutes = Math.floor(totalSeconds / 60);
  if (minutes < 60) return `${minutes} min ${totalSeconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

/**
 * What the price means for the buyer right now: held while the task runs,
 * charged once it completed, returned when it did not.
 */
export function chargeWording(state: TaskState, price: number): string {
  if (price === 0) return "Free";
  const amount = `${formatCredits(price)} credit${price === 1 ? "" : "s"}`;
  if (isActiveState(state)) return `${amount} held`;
  return state === "COMPLETED" ? `${amount} charged` : `${amount} refunded (not charged)`;
}
