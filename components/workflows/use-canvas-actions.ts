"use client";

import { useCallback, useMemo, useRef, useState, type RefObject } from "react";
import { toast } from "@/components/ui/toaster";
import type { WorkflowNodeType } from "@/server/schemas/workflow-graph";
import { autoLayout } from "./lib/auto-layout";
import type { XY } from "./lib/geometry";
import { addNode, removeElements } from "./lib/graph-edit";
import { moveNodes } from "./lib/graph-move";
import { useCanvasShortcuts } from "./use-canvas-shortcuts";
import { useClipboard } from "./use-clipboard";
import { useGraphHistory } from "./use-graph-history";
import { useSelection } from "./use-selection";
import type { WorkflowCanvasProps } from "./workflow-canvas";

const NOTHING = { nodes: new Set<string>(), edges: new Set<string>() };

/** Every edit the canvas makes, each one a history step, and the shortcuts that trigger them. */
export function useCanvasActions(props: WorkflowCanvasProps, root: RefObject<HTMLElement | null>, fit: () => void) {
  const { graph, readOnly = false, listings, workflows } = props;
  const history = useGraphHistory(graph, props.onChange);
  const { commit } = history;
  const { selection, update, selectNodes } = useSelection(props.selectedNodeIds, props.onSelectionChange);
  const clipboard = useClipboard({ graph, selected: selection.nodes, commit, select: selectNodes });
  const defaults = useMemo(
    () => ({ listingSlug: listings?.[0]?.slug, workflowId: workflows?.[0]?.id }),
    [listings, workflows],
  );

  const add = useCallback(
    (type: WorkflowNodeType, at: XY) => {
      const added = addNode(graph, type, at, defaults);
      if (!added) return;
      commit(added.graph);
      selectNodes([added.id]);
    },
    [commit, defaults, graph, selectNodes],
  );

  /** Commits the positions a drag ended at; a click that moved nothing leaves no history step. */
  const move = useCallback(
    (dragged: { id: string; position: XY }[]) => {
      const byId = new Map(graph.nodes.map((n) => [n.id, n.position]));
      const moved = dragged.filter((d) => {
        const was = byId.get(d.id);
        return was && (was.x !== d.position.x || was.y !== d.position.y);
      });
      if (moved.length) commit(moveNodes(graph, new Map(moved.map((d) => [d.id, d.position]))));
    },
    [commit, graph],
  );

  const remove = useCallback(() => {
    if (selection.nodes.size === 0 && selection.edges.size === 0) return;
    commit(removeElements(graph, selection.nodes, selection.edges));
    update(() => NOTHING);
  }, [commit, graph, selection, update]);

  const [layingOut, setLayingOut] = useState(false);
  const latest = useRef(graph);
  latest.current = graph;
  const layout = useCallback(async () => {
    const before = graph;
    setLayingOut(true);
    try {
      const laid = await autoLayout(before);
      // An edit made while ELK worked wins; laying out the older graph would undo it.
      if (latest.current !== before) return;
      commit(laid);
      fit();
    } catch {
      toast.error("The steps could not be arranged. Try again, or move them by hand.");
    } finally {
      setLayingOut(false);
    }
  }, [commit, fit, graph]);

  const shortcuts = useMemo(() => {
    const selectAll = () =>
      update(() => ({ nodes: new Set(graph.nodes.map((n) => n.id)), edges: new Set(graph.edges.map((e) => e.id)) }));
    const deselect = () => update(() => NOTHING);
    if (readOnly) return { copy: clipboard.copy, selectAll, deselect };
    const { undo, redo } = history;
    return {
      undo,
      redo,
      copy: clipboard.copy,
      cut: clipboard.cut,
      paste: clipboard.paste,
      delete: remove,
      selectAll,
      deselect,
    };
  }, [clipboard, graph, history, readOnly, remove, update]);
  useCanvasShortcuts(root, shortcuts);

  const occupied = useCallback(
    (at: XY) =>
      graph.nodes.some((n) => !n.parentId && Math.abs(n.position.x - at.x) < 48 && Math.abs(n.position.y - at.y) < 48),
    [graph],
  );
  const setBudgetCap = useCallback(
    (cap: number | null) => commit({ ...graph, budgetCapCredits: cap }),
    [commit, graph],
  );

  return {
    history,
    selection,
    updateSelection: update,
    defaults,
    add,
    move,
    layout: () => void layout(),
    layingOut,
    setBudgetCap,
    occupied,
  };
}
