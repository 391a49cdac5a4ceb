import "server-only";
import { succeed, type NodeExecutor } from "../node-context";

/** Where a run starts: its result's data is the run's input. */
export const runTrigger: NodeExecutor<"trigger"> = async (ctx) => {
  await succeed(ctx, { data: ctx.run.input ?? null });
};
