import "server-only";
import { evaluateExpression } from "../../graph/expressions";
import { fail, scopeOf, withExpressions, type NodeExecutor } from "../node-context";
import { writeStep } from "../step-rows";

/**
 * Evaluates the list once and starts the loop: the row goes RUNNING with the
 * items in its data, and from then on the planner (plan.ts) runs the body per
 * element, at most `concurrency` at once, and completes the loop with the
 * elements' results.
 */
export const runLoop: NodeExecutor<"loop"> = async (ctx) => {
  const scope = await scopeOf(ctx);
  const value = await withExpressions(ctx, "config.items", () => evaluateExpression(ctx.node.config.items, scope));
  if (!value.ok) return;
  const items = value.value;
  if (!Array.isArray(items)) {
    await fail(ctx, {
      message: `Items must give a list, but gave ${describe(items)}.`,
      field: "config.items",
      position: { line: 1, column: 1, offset: 0 },
    });
    return;
  }
  if (items.length > ctx.node.config.maxItems) {
    await fail(ctx, {
      message: `Items gave ${items.length} elements; this loop takes at most ${ctx.node.config.maxItems}.`,
      field: "config.items",
    });
    return;
  }
  await writeStep(ctx.run, ctx.at, { to: "RUNNING", from: ["PENDING"], data: { items } });
};

function describe(value: unknown): string {
  if (value === null || value === undefined) return "nothing (nil)";
  if (typeof value === "string")
    return `the text ${JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value)}`;
  if (typeof value === "object") return "an object";
  return `the ${typeof value} ${String(value as number)}`;
}
