import "server-only";
import type { NodeOf } from "../../../../schemas/workflow-graph";
import { renderTemplate } from "../../graph/expressions";
import { fail, scopeOf, succeed, withExpressions, type NodeContext } from "../node-context";

/**
 * A transform's or an output's work: render the template; in JSON format the
 * text must parse, and the parsed value is the result's data.
 */
export async function renderResult(ctx: NodeContext<NodeOf<"transform"> | NodeOf<"output">>): Promise<void> {
  const scope = await scopeOf(ctx);
  const rendered = await withExpressions(ctx, "config.template", () => renderTemplate(ctx.node.config.template, scope));
  if (!rendered.ok) return;
  const text = rendered.value;
  if (ctx.node.config.format === "text") {
    await succeed(ctx, { output: text, data: null });
    return;
  }
  try {
    await succeed(ctx, { output: text, data: JSON.parse(text) as unknown });
  } catch (error) {
    const snippet = text.length > 120 ? `${text.slice(0, 120)}…` : text;
    await fail(ctx, {
      message: `The template's result is not valid JSON (${(error as Error).message}): ${JSON.stringify(snippet)}`,
      field: "config.template",
    });
  }
}
