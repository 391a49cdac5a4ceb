import "server-only";
import { evaluateCondition } from "../../graph/expressions";
import { scopeOf, succeed, withExpressions, type NodeExecutor } from "../node-context";

/** Evaluates the expression (Liquid truth: only false and nil are false); the verdict picks the branch. */
export const runCondition: NodeExecutor<"condition"> = async (ctx) => {
  const scope = await scopeOf(ctx);
  const verdict = await withExpressions(ctx, "config.expression", () =>
    evaluateCondition(ctx.node.config.expression, scope),
  );
  if (verdict.ok) await succeed(ctx, { data: verdict.value, output: String(verdict.value) });
};
