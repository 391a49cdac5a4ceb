import type { WorkflowGraph } from "@/server/schemas/workflow-graph";

/**
 * Undo and redo over whole graphs. Graphs are immutable values, so keeping
 * each one costs only the nodes that changed, and any edit (the canvas's own
 * or the inspector's, arriving as a new `graph` prop) can be undone the same
 * way.
 */
export type GraphHistory = {
  past: WorkflowGraph[];
  present: WorkflowGraph;
  future: WorkflowGraph[];
  /** The last record's coalescing key and time (ms). */
  lastKey: string | null;
  lastAt: number;
};

export const HISTORY_LIMIT = 100;
/** Records with the same key this close together are one step (typing in a field). */
export const COALESCE_MS = 1_000;

export function createHistory(graph: WorkflowGraph): GraphHistory {
  return { past: [], present: graph, future: [], lastKey: null, lastAt: 0 };
}

/**
 * A new present. With a `key` equal to the last record's and within
 * COALESCE_MS, it replaces the present instead of adding a step. Recording
 * clears the redo stack.
 */
export function record(h: GraphHistory, graph: WorkflowGraph, opts: { key?: string; at: number }): GraphHistory {
  if (graph === h.present) return h;
  const key = opts.key ?? null;
  const coalesce = key !== null && key === h.lastKey && opts.at - h.lastAt < COALESCE_MS && h.past.length > 0;
  const past = coalesce ? h.past : [...h.past, h.present].slice(-HISTORY_LIMIT);
  return { past, present: graph, future: [], lastKey: key, lastAt: opts.at };
}

export function undo(h: GraphHistory): GraphHistory {
  const previous = h.past.at(-1);
  if (!previous) return h;
  return { past: h.past.slice(0, -1), present: previous, future: [h.present, ...h.future], lastKey: null, lastAt: 0 };
}

export function redo(h: GraphHistory): GraphHistory {
  const next = h.future[0];
  if (!next) return h;
  return { past: [...h.past, h.present], present: next, future: h.future.slice(1), lastKey: null, lastAt: 0 };
}

export const canUndo = (h: GraphHistory) => h.past.length > 0;
export const canRedo = (h: GraphHistory) => h.future.length > 0;
