import "server-only";
import { settleEndedTask } from "./write-task";

/**
 * Settles a finished task's credit hold: the price is captured (seller share
 * + platform fee) only when the agent completed; failed, rejected and
 * canceled tasks get their hold released. A task's end normally settles in
 * the transaction that records it (writeTask); this finds the rare task
 * that ended unsettled. Safe to call any number of times.
 */
export async function settleTask({
  taskId,
}: {
  taskId: string;
}): Promise<{ settled: "captured" | "released" | "nothing" }> {
  return { settled: (await settleEndedTask(taskId))?.settled ?? "nothing" };
}
