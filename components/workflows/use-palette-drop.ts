"use client";

import { useReactFlow } from "@xyflow/react";
import { useCallback, type DragEvent, type RefObject } from "react";
import type { WorkflowNodeType } from "@/server/schemas/workflow-graph";
import { NODE_HEIGHT, NODE_WIDTH, type XY } from "./lib/geometry";
import { NODE_TYPES } from "./lib/node-catalog";

/** The drag data type the palette writes; anything else dropped on the canvas is ignored. */
export const NODE_DRAG_TYPE = "application/x-bureau-workflow-node";

const isNodeType = (value: string): value is WorkflowNodeType => (NODE_TYPES as string[]).includes(value);

/**
 * Adding nodes from the palette: dropped where the pointer lets go (HTML5
 * drag data, screen point → canvas point), or clicked into the middle of
 * the visible canvas, nudged down past nodes already there.
 */
export function usePaletteDrop(
  pane: RefObject<HTMLElement | null>,
  occupied: (at: XY) => boolean,
  add: (type: WorkflowNodeType, at: XY) => void,
) {
  const { screenToFlowPosition } = useReactFlow();

  const onDragOver = useCallback((e: DragEvent) => {
    if (!e.dataTransfer.types.includes(NODE_DRAG_TYPE)) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = "copy";
  }, []);

  const onDrop = useCallback(
    (e: DragEvent) => {
      const type = e.dataTransfer.getData(NODE_DRAG_TYPE);
      if (!isNodeType(type)) return;
      e.preventDefault();
      const p = screenToFlowPosition({ x: e.clientX, y: e.clientY });
      add(type, { x: Math.round(p.x - NODE_WIDTH / 2), y: Math.round(p.y - NODE_HEIGHT / 2) });
    },
    [add, screenToFlowPosition],
  );

  const addAtCenter = useCallback(
    (type: WorkflowNodeType) => {
      const rect = pane.current?.getBoundingClientRect();
      const center = rect
        ? screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 })
        : { x: 0, y: 0 };
      let at = { x: Math.round(center.x - NODE_WIDTH / 2), y: Math.round(center.y - NODE_HEIGHT / 2) };
      for (let i = 0; i < 20 && occupied(at); i++) at = { x: at.x + 24, y: at.y + NODE_HEIGHT + 16 };
      add(type, at);
    },
    [add, occupied, pane, screenToFlowPosition],
  );

  return { onDragOver, onDrop, addAtCenter };
}
