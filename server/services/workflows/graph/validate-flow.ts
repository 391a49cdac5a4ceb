import "server-only";
import type { WorkflowGraph, WorkflowNode } from "../../../schemas/workflow-graph";
import { label, type GraphIssue } from "./graph-issue";
import type { GraphIndex } from "./graph-index";

/**
 * Cycles and reachability. Repetition is a loop node holding its body by
 * parentId, so any cycle of edges is an error: the engine would wait on it
 * forever (schedule.ts fails such a scope as stuck).
 */

/** Strongly connected components with a cycle (Tarjan), each as node ids in canvas order. */
function cyclicComponents(ids: string[], successors: Map<string, string[]>): string[][] {
  let counter = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (id: string) => {
    order.set(id, counter);
    low.set(id, counter++);
    stack.push(id);
    onStack.add(id);
    for (const next of successors.get(id) ?? []) {
      if (!order.has(next)) {
        visit(next);
        low.set(id, Math.min(low.get(id)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(id, Math.min(low.get(id)!, order.get(next)!));
      }
    }
    if (low.get(id) !== order.get(id)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== id);
    if (component.length > 1 || successors.get(id)?.includes(id)) found.push(component);
  };
  for (const id of ids) if (!order.has(id)) visit(id);
  const position = new Map(ids.map((id, i) => [id, i]));
  return found.map((c) => c.sort((a, b) => position.get(a)! - position.get(b)!));
}

/** One cycle through the component's first node, as the path a user can follow. */
function cyclePath(component: string[], successors: Map<string, string[]>): string[] {
  const members = new Set(component);
  const start = component[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length) {
    const id = queue.shift()!;
    for (const next of successors.get(id) ?? []) {
      if (!members.has(next)) continue;
      if (next === start) {
        const path = [id];
        while (path[0] !== start) path.unshift(cameFrom.get(path[0]!)!);
        return [...path, start];
      }
      if (!cameFrom.has(next)) {
        cameFrom.set(next, id);
        queue.push(next);
      }
    }
  }
  return [...component, start];
}

export function cycleIssues(graph: WorkflowGraph, index: GraphIndex): GraphIssue[] {
  const successors = new Map<string, string[]>();
  for (const edge of graph.edges) {
    if (!index.nodes.has(edge.source) || !index.nodes.has(edge.target)) continue;
    successors.set(edge.source, [...(successors.get(edge.source) ?? []), edge.target]);
  }
  return cyclicComponents([...index.nodes.keys()], successors).map((component) => {
    const path = cyclePath(component, successors).map((id) => index.nodes.get(id)!.name);
    return {
      code: "cycle",
      severity: "error",
      nodeId: component[0],
      nodeIds: component,
      message:
        `These steps form a cycle: ${path.join(" → ")}. A workflow runs each step once; ` +
        `to repeat steps, put them inside a loop.`,
    };
  });
}

/** Steps no run would reach: at the top level from a trigger, in a loop body from the body's first steps. */
export function reachabilityIssues(index: GraphIndex): GraphIssue[] {
  const reached = new Set<string>();
  const walk = (starts: WorkflowNode[]) => {
    const queue = starts.map((n) => n.id);
    for (const id of queue) reached.add(id);
    while (queue.length) {
      for (const edge of index.outEdges.get(queue.pop()!) ?? []) {
        if (!reached.has(edge.target)) {
          reached.add(edge.target);
          queue.push(edge.target);
        }
      }
    }
  };
  const all = [...index.nodes.values()];
  walk(all.filter((n) => !n.parentId && n.type === "trigger"));
  // Bodies open once their loop is reached; loops nest, so repeat until nothing new opens.
  const opened = new Set<string>();
  for (let again = true; again;) {
    again = false;
    for (const [loopId, body] of index.bodies) {
      if (opened.has(loopId) || !reached.has(loopId) || index.nodes.get(loopId)?.type !== "loop") continue;
      opened.add(loopId);
      again = true;
      walk(body.filter((n) => !index.inEdges.get(n.id)?.length));
    }
  }
  return all
    .filter((node) => !reached.has(node.id))
    .filter((node) => !node.parentId || index.nodes.get(node.parentId)?.type === "loop")
    .map((node) => {
      const loop = node.parentId ? index.nodes.get(node.parentId) : undefined;
      const message = loop
        ? opened.has(loop.id)
          ? `Nothing inside the loop ${label(loop)} leads to ${label(node)}, so it never runs.`
          : `${label(node)} is inside the loop ${label(loop)}, which no run reaches.`
        : `Nothing leads to ${label(node)} from a trigger, so no run would reach it; connect it to an earlier step.`;
      return { code: "unreachable", severity: "error", nodeId: node.id, message } satisfies GraphIssue;
    });
}
