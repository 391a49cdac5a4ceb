import "server-only";
import { db } from "../../../db";
import { ZBureauPartSchema } from "../../../a2a/bureau-format";
import type { WorkflowScope } from "../graph/expressions";
import { loopItems } from "./plan";
import type { RunContext } from "./run-context";
import { ENDED_STEP_STATES, toNodeState, type StepRow } from "./step-rows";

/**
 * What a node's templates and expressions see (see workflow-graph.ts): the
 * run's input, the results of the nodes in its own scope and every enclosing
 * one (a loop body sees the top level, and its own element's nodes), and
 * inside a loop the element (`item`) and its position (`index`).
 */
export async function buildScope(
  run: RunContext,
  rows: readonly StepRow[],
  nodeId: string,
  iterationKey: string,
): Promise<WorkflowScope> {
  const chain = loopChain(run, nodeId);
  const segments = iterationKey === "" ? [] : iterationKey.split(".");
  const visible = rows.filter((row) => {
    const node = run.graph.nodes.find((n) => n.id === row.nodeId);
    if (!node) return false;
    const depth = chain.indexOf(node.parentId);
    return depth >= 0 && row.iterationKey === segments.slice(0, depth).join(".");
  });
  const artifacts = await artifactsOf(visible.flatMap((r) => (r.taskId ? [r.taskId] : [])));
  const steps: WorkflowScope["steps"] = {};
  for (const row of visible) {
    const ended = ENDED_STEP_STATES.includes(row.state);
    steps[row.nodeId] = {
      output: ended ? (row.output ?? "") : "",
      data: ended ? (row.data ?? null) : null,
      state: toNodeState(row.state),
      costCredits: row.costCredits,
      artifacts: row.taskId ? (artifacts.get(row.taskId) ?? []) : [],
    };
  }
  const scope: WorkflowScope = {
    input: run.input,
    steps,
    run: { id: run.id, startedAt: (run.startedAt ?? new Date(0)).toISOString() },
  };
  const loopId = chain.at(-1);
  if (loopId !== undefined && segments.length) {
    const loopKey = segments.slice(0, -1).join(".");
    const loopRow = rows.find((r) => r.nodeId === loopId && r.iterationKey === loopKey);
    const index = Number(segments.at(-1));
    scope.item = loopItems(loopRow?.data)?.[index] ?? null;
    scope.index = index;
  }
  return scope;
}

/** The loops around a node, outermost first, after `undefined` for the top level. */
export function loopChain(run: RunContext, nodeId: string): (string | undefined)[] {
  const chain: (string | undefined)[] = [];
  let parent = run.graph.nodes.find((n) => n.id === nodeId)?.parentId;
  while (parent !== undefined && !chain.includes(parent)) {
    chain.unshift(parent);
    parent = run.graph.nodes.find((n) => n.id === parent)?.parentId;
  }
  return [undefined, ...chain];
}

/** Each task's artifacts as templates read them: name, the text of its text parts, its first data part. */
async function artifactsOf(taskIds: string[]): Promise<Map<string, unknown[]>> {
  const map = new Map<string, unknown[]>();
  if (!taskIds.length) return map;
  const rows = await db.artifact.findMany({
    where: { taskId: { in: taskIds } },
    orderBy: { createdAt: "asc" },
    select: { taskId: true, artifactId: true, name: true, parts: true },
  });
  for (const row of rows) {
    const parts = ZBureauPartSchema.array().safeParse(row.parts);
    const list = parts.success ? parts.data : [];
    const text = list.flatMap((p) => (p.kind === "text" ? [p.text] : [])).join("");
    const data = list.find((p) => p.kind === "data");
    map.set(row.taskId, [
      ...(map.get(row.taskId) ?? []),
      { artifactId: row.artifactId, name: row.name, text, data: data?.kind === "data" ? data.data : null },
    ]);
  }
  return map;
}
