import "server-only";
import { succeed, type NodeExecutor } from "../node-context";

/**
 * A join does no work of its own: the scheduler makes it ready when its
 * branches allow (all, or the first success), and cancels a "first" join's
 * losers. Its data names the branches that succeeded into it.
 */
export const runJoin: NodeExecutor<"join"> = async (ctx) => {
  const into = ctx.run.graph.edges.filter((e) => e.target === ctx.node.id).map((e) => e.source);
  const succeeded = into.filter((id) =>
    ctx.rows.some((r) => r.nodeId === id && r.iterationKey === ctx.at.iterationKey && r.state === "SUCCEEDED"),
  );
  await succeed(ctx, { data: { succeeded } });
};
