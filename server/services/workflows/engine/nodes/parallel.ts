import "server-only";
import { succeed, type NodeExecutor } from "../node-context";

/** A fan-out does no work: the scheduler starts every out-branch in the next wave. */
export const runParallel: NodeExecutor<"parallel"> = async (ctx) => {
  await succeed(ctx, {});
};
