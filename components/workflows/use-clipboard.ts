"use client";

import { useCallback } from "react";
import type { WorkflowGraph } from "@/server/schemas/workflow-graph";
import { copyFragment, pasteFragment, type GraphFragment } from "./lib/clipboard";
import { removeElements } from "./lib/graph-edit";

/**
 * Held for the tab, not per canvas, so steps copied in one workflow paste
 * into another. `pastes` fans repeated pastes out instead of stacking them.
 */
const held: { fragment: GraphFragment | null; pastes: number } = { fragment: null, pastes: 0 };

export function useClipboard(opts: {
  graph: WorkflowGraph;
  selected: ReadonlySet<string>;
  commit: (graph: WorkflowGraph) => void;
  select: (nodeIds: string[]) => void;
}) {
  const { graph, selected, commit, select } = opts;

  const copy = useCallback(() => {
    const fragment = copyFragment(graph, selected);
    if (!fragment) return false;
    held.fragment = fragment;
    held.pastes = 0;
    return true;
  }, [graph, selected]);

  const cut = useCallback(() => {
    if (copy()) commit(removeElements(graph, selected));
  }, [copy, commit, graph, selected]);

  const paste = useCallback(() => {
    if (!held.fragment) return;
    held.pastes += 1;
    const pasted = pasteFragment(graph, held.fragment, held.pastes);
    commit(pasted.graph);
    select(pasted.ids);
  }, [commit, graph, select]);

  return { copy, cut, paste };
}
