import "server-only";
import type { WorkflowEdge, WorkflowGraph, WorkflowNode } from "../../../schemas/workflow-graph";

/**
 * What changed between two versions of a workflow, for the history's visual
 * diff. Nodes match by id (the id is how templates name a step, so it is the
 * step's identity); edges match by what they connect (source, target,
 * branch), so a connection drawn again under a new id is no change. Moving a
 * node on the canvas changes nothing a run does, so moves are reported apart,
 * in `moved`, unless `includeMoves` asks for them among the changes too.
 */

export interface ValueChange {
  /** Dotted path inside the node or graph: "name", "config.retry.maxAttempts". */
  path: string;
  before: unknown;
  after: unknown;
}

export interface NodeChange {
  nodeId: string;
  /** The name after the change. */
  name: string;
  changes: ValueChange[];
}

export interface NodeMove {
  nodeId: string;
  name: string;
  before: { x: number; y: number };
  after: { x: number; y: number };
}

export interface GraphDiff {
  nodes: { added: WorkflowNode[]; removed: WorkflowNode[]; changed: NodeChange[]; moved: NodeMove[] };
  edges: { added: WorkflowEdge[]; removed: WorkflowEdge[] };
  /** Graph-level settings (the budget cap). */
  settings: ValueChange[];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

/** Key order never matters; arrays compare element by element. */
function sameValue(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => sameValue(v, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameValue(a[key], b[key]));
  }
  return Object.is(a, b);
}

/** Leaf changes between two values; objects are descended into, arrays and scalars compared whole. */
function changesBetween(before: unknown, after: unknown, path: string, out: ValueChange[]): ValueChange[] {
  if (isPlainObject(before) && isPlainObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    for (const key of keys) changesBetween(before[key], after[key], path ? `${path}.${key}` : key, out);
  } else if (!sameValue(before, after)) {
    out.push({ path, before, after });
  }
  return out;
}

const edgeKey = (edge: WorkflowEdge) => `${edge.source}>${edge.branch ?? ""}>${edge.target}`;

export function diffGraphs(
  before: WorkflowGraph,
  after: WorkflowGraph,
  options: { includeMoves?: boolean } = {},
): GraphDiff {
  const beforeNodes = new Map(before.nodes.map((n) => [n.id, n]));
  const afterNodes = new Map(after.nodes.map((n) => [n.id, n]));
  const changed: NodeChange[] = [];
  const moved: NodeMove[] = [];
  for (const next of after.nodes) {
    const previous = beforeNodes.get(next.id);
    if (!previous) continue;
    const { position: beforePosition, ...beforeRest } = previous;
    const { position: afterPosition, ...afterRest } = next;
    const changes = changesBetween(beforeRest, afterRest, "", []);
    const hasMoved = !sameValue(beforePosition, afterPosition);
    if (hasMoved) {
      moved.push({ nodeId: next.id, name: next.name, before: beforePosition, after: afterPosition });
      if (options.includeMoves) changes.push({ path: "position", before: beforePosition, after: afterPosition });
    }
    if (changes.length) changed.push({ nodeId: next.id, name: next.name, changes });
  }
  const beforeEdges = new Set(before.edges.map(edgeKey));
  const afterEdges = new Set(after.edges.map(edgeKey));
  const { nodes: _bn, edges: _be, ...beforeSettings } = before;
  const { nodes: _an, edges: _ae, ...afterSettings } = after;
  return {
    nodes: {
      added: after.nodes.filter((n) => !beforeNodes.has(n.id)),
      removed: before.nodes.filter((n) => !afterNodes.has(n.id)),
      changed,
      moved,
    },
    edges: {
      added: after.edges.filter((e) => !beforeEdges.has(edgeKey(e))),
      removed: before.edges.filter((e) => !afterEdges.has(edgeKey(e))),
    },
    settings: changesBetween(beforeSettings, afterSettings, "", []),
  };
}

/** Whether the diff holds anything a run would notice (moves alone do not count). */
export const isEmptyDiff = (diff: GraphDiff) =>
  !diff.nodes.added.length &&
  !diff.nodes.removed.length &&
  !diff.nodes.changed.some((c) => c.changes.some((change) => change.path !== "position")) &&
  !diff.edges.added.length &&
  !diff.edges.removed.length &&
  !diff.settings.length;
