import "server-only";
import { writeStep } from "../step-rows";
import type { NodeExecutor } from "../node-context";

/**
 * Records when the delay ends and leaves the row WAITING: the run function
 * sleeps durably between waves (step.sleep), and its next plan completes the
 * delay once the time has come. Nothing sleeps inside a step.
 */
export const runDelay: NodeExecutor<"delay"> = async (ctx) => {
  const until = new Date(Date.now() + ctx.node.config.seconds * 1000).toISOString();
  await writeStep(ctx.run, ctx.at, { to: "WAITING", from: ["PENDING"], data: { until } });
};

/** A waiting delay row's end, or null when the row is not a delay's wait. */
export function delayUntil(data: unknown): Date | null {
  const until = (data as { until?: unknown } | null)?.until;
  return typeof until === "string" ? new Date(until) : null;
}
