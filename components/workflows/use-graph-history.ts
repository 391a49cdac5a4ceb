"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import type { WorkflowGraph } from "@/server/schemas/workflow-graph";
import { canRedo, canUndo, createHistory, record, redo, undo, type GraphHistory } from "./lib/history";

/**
 * The canvas's undo stack. The canvas's own edits come through `commit`; a
 * new `graph` prop that is not the present (an inspector edit, a save's
 * answer) is recorded too, with the "external" key so a burst of typing is
 * one step. Undo and redo hand the restored graph to `onChange`.
 */
export function useGraphHistory(graph: WorkflowGraph, onChange: (graph: WorkflowGraph) => void) {
  const [history, setHistory] = useState<GraphHistory>(() => createHistory(graph));
  const latest = useRef(history);
  const emit = useRef(onChange);
  useEffect(() => {
    emit.current = onChange;
  }, [onChange]);

  const apply = useCallback((next: GraphHistory) => {
    latest.current = next;
    setHistory(next);
  }, []);

  useEffect(() => {
    if (graph !== latest.current.present) apply(record(latest.current, graph, { key: "external", at: Date.now() }));
  }, [graph, apply]);

  /** Records an edit and hands it on. Edits sharing `key` within a second are one undo step. */
  const commit = useCallback(
    (next: WorkflowGraph, key?: string) => {
      if (next === latest.current.present) return;
      apply(record(latest.current, next, { key, at: Date.now() }));
      emit.current(next);
    },
    [apply],
  );

  const travel = useCallback(
    (move: (h: GraphHistory) => GraphHistory) => {
      const next = move(latest.current);
      if (next === latest.current) return;
      apply(next);
      emit.current(next.present);
    },
    [apply],
  );

  return {
    commit,
    undo: useCallback(() => travel(undo), [travel]),
    redo: useCallback(() => travel(redo), [travel]),
    canUndo: canUndo(history),
    canRedo: canRedo(history),
  };
}
