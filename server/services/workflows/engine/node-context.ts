import "server-only";
import type { WorkflowStepState } from "../../../generated/prisma/enums";
import type { NodeOf, WorkflowNode, WorkflowNodeType } from "../../../schemas/workflow-graph";
import { ExpressionError, type WorkflowScope } from "../graph/expressions";
import type { NodeAt } from "./plan";
import type { RunContext } from "./run-context";
import { buildScope } from "./scope";
import { cancelRaceLosers } from "./race";
import { OPEN, writeStep, type StepError, type StepRow } from "./step-rows";

/** What a node's executor gets: the run, the node, where it is (its loop element), and the rows as its step began. */
export interface NodeContext<N extends WorkflowNode = WorkflowNode> {
  run: RunContext;
  node: N;
  at: NodeAt;
  rows: StepRow[];
  /** This node's own row, if it has one yet. */
  row: StepRow | null;
}

export type NodeExecutor<T extends WorkflowNodeType> = (ctx: NodeContext<NodeOf<T>>) => Promise<void>;

export const scopeOf = (ctx: NodeContext): Promise<WorkflowScope> =>
  buildScope(ctx.run, ctx.rows, ctx.at.nodeId, ctx.at.iterationKey);

/**
 * Records a node's success. If that decides a join "first", its losing
 * branches are canceled at once: a loser still inside this wave (an agent
 * waiting for its task) must stop now, not when the wave would end.
 */
export async function succeed(
  ctx: NodeContext,
  result: { output?: string | null; data?: unknown; costCredits?: number },
  from: readonly WorkflowStepState[] = OPEN,
) {
  const row = await writeStep(ctx.run, ctx.at, { to: "SUCCEEDED", from, error: null, ...result });
  if (row && ctx.run.graph.nodes.some((n) => n.type === "join" && n.config.wait === "first"))
    await cancelRaceLosers(ctx.run.id);
  return row;
}

export function fail(ctx: NodeContext, error: Omit<StepError, "nodeId">, from: readonly WorkflowStepState[] = OPEN) {
  return writeStep(ctx.run, ctx.at, { to: "FAILED", from, error: stepError(ctx, error) });
}

export const stepError = (ctx: NodeContext, error: Omit<StepError, "nodeId">): StepError => ({
  ...error,
  nodeId: ctx.at.nodeId,
  ...(ctx.at.iterationKey ? { iterationKey: ctx.at.iterationKey } : {}),
});

/**
 * Runs a node's template or expression work; an ExpressionError fails the
 * step with the field and the character it points at (the canvas shows it
 * on the node). Anything else is not the author's mistake and is thrown.
 */
export async function withExpressions<T>(
  ctx: NodeContext,
  field: string,
  work: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false }> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (!(error instanceof ExpressionError)) throw error;
    await fail(ctx, {
      message: `${fieldLabel(field)}: ${error.message}`,
      field,
      position: { line: error.line, column: error.column, offset: error.offset },
    });
    return { ok: false };
  }
}

const FIELD_LABELS: Record<string, string> = {
  "config.template": "Template",
  "config.expression": "Expression",
  "config.items": "Items",
};
const fieldLabel = (field: string) => FIELD_LABELS[field] ?? field;
