import "server-only";
import { db } from "../../db";
import { isTerminal } from "../../a2a/bureau-format";
import { captureHold } from "../ledger/capture-hold";
import { releaseHold } from "../ledger/release-hold";

/**
 * Settles a finished task's credit hold: the price is captured (seller share
 * + platform fee) only when the agent completed; failed, rejected and
 * canceled tasks get their hold released. Safe to call any number of times.
 */
export async function settleTask({
  taskId,
}: {
  taskId: string;
}): Promise<{ settled: "captured" | "released" | "nothing" }> {
  const task = await db.task.findUnique({
    where: { id: taskId },
    select: {
      state: true,
      statusMessage: true,
      agentId: true,
      price: true,
      source: true,
    },
  });
  if (!task || !isTerminal(task.state)) return { settled: "nothing" };
  let settled: "captured" | "released" | "nothing" = "nothing";
  if (task.price > 0) {
    if (task.state === "COMPLETED") {
      settled = (await captureHold({ taskId })).captured ? "captured" : "nothing";
    } else {
      const reason = `${task.state.toLowerCase()}${task.statusMessage ? `: ${task.statusMessage}` : ""}`.slice(0, 300);
      settled = (await releaseHold({ taskId, reason })).released ? "released" : "nothing";
    }
  }
  // One-time effects ride on a conditional update, so a replay skips them.
  const first = await db.task.updateMany({ where: { id: taskId, settledAt: null }, data: { settledAt: new Date() } });
  // A seller's test run of its draft is not a marketplace task; its paid runs of its own listing are.
  if (first.count === 1 && task.source !== "SANDBOX")
    await db.agent.update({ where: { id: task.agentId }, data: { taskCount: { increment: 1 } } });
  return { settled };
}
