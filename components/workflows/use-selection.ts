"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";

export type Selection = { nodes: ReadonlySet<string>; edges: ReadonlySet<string> };

const EMPTY: Selection = { nodes: new Set(), edges: new Set() };
const same = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every((id) => b.has(id));

/**
 * Selected nodes and edges. Nodes may be controlled by the caller (the
 * editor keeps them, to follow a node the inspector renamed); edges are the
 * canvas's own. Updates are functions of the latest selection, because
 * xyflow reports node and edge changes in two calls of one event (a click on
 * the pane clears both) and the second must see the first.
 */
export function useSelection(controlled?: readonly string[], onChange?: (nodeIds: string[]) => void) {
  const [own, setOwn] = useState<Selection>(EMPTY);
  const key = controlled?.join("\n");
  const controlledNodes = useMemo(() => (key === undefined ? null : new Set(key ? key.split("\n") : [])), [key]);
  const selection = useMemo<Selection>(
    () => (controlledNodes ? { nodes: controlledNodes, edges: own.edges } : own),
    [controlledNodes, own],
  );

  const latest = useRef(selection);
  const notify = useRef(onChange);
  useEffect(() => {
    latest.current = selection;
    notify.current = onChange;
  }, [selection, onChange]);

  const update = useCallback((change: (s: Selection) => Selection) => {
    const before = latest.current;
    const next = change(before);
    if (same(next.nodes, before.nodes) && same(next.edges, before.edges)) return;
    latest.current = next;
    setOwn(next);
    if (!same(next.nodes, before.nodes)) notify.current?.([...next.nodes]);
  }, []);

  const selectNodes = useCallback(
    (ids: Iterable<string>) => update(() => ({ nodes: new Set(ids), edges: new Set() })),
    [update],
  );

  return { selection, update, selectNodes };
}
