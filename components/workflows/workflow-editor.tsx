"use client";

import { useCallback, useState } from "react";
import { cn } from "@/components/ui/cn";
import { Sheet, SheetContent, SheetDescription, SheetTitle } from "@/components/ui/sheet";
import type { WorkflowGraph } from "@/server/schemas/workflow-graph";
import { NodeInspector, type NodeInspectorProps } from "./inspector/node-inspector";
import type { MemberOption } from "./lib/types";
import { useMediaQuery } from "./use-media-query";
import { WorkflowCanvas, type WorkflowCanvasProps } from "./workflow-canvas";

export type WorkflowEditorProps = Omit<WorkflowCanvasProps, "selectedNodeIds" | "onSelectionChange"> & {
  members?: MemberOption[];
};

/**
 * The builder: the canvas, with the inspector beside it on wide screens while
 * one step is selected (the canvas keeps the width otherwise), and as a
 * bottom sheet over it on a phone (opened by tapping a step). The
 * editor keeps the selection so that a node renamed in the inspector stays
 * selected under its new id.
 */
export function WorkflowEditor({ members, className, ...canvas }: WorkflowEditorProps) {
  const wide = useMediaQuery("(min-width: 1024px)");
  const [selected, setSelected] = useState<string[]>([]);
  const [sheetOpen, setSheetOpen] = useState(false);
  const single = selected.length === 1 ? selected[0]! : null;
  const { onChange, onNodeClick } = canvas;

  const onInspectorChange = useCallback<NodeInspectorProps["onChange"]>(
    (graph: WorkflowGraph, change) => {
      onChange(graph);
      if (change?.renamed) setSelected([change.renamed.to]);
      if (change?.removed) {
        setSelected([]);
        setSheetOpen(false);
      }
    },
    [onChange],
  );
  const onClick = useCallback(
    (nodeId: string) => {
      onNodeClick?.(nodeId);
      if (!wide) setSheetOpen(true);
    },
    [onNodeClick, wide],
  );

  const inspector = (
    <NodeInspector
      graph={canvas.graph}
      nodeId={single}
      onChange={onInspectorChange}
      issues={canvas.issues}
      listings={canvas.listings}
      members={members}
      workflows={canvas.workflows}
      readOnly={canvas.readOnly}
      onClose={wide ? () => setSelected([]) : undefined}
      // The sheet's own close button sits at the top right, over the header's delete button.
      className={wide ? undefined : "[&>header]:pr-10"}
    />
  );

  return (
    <div className={cn("flex min-h-0 overflow-hidden rounded-xl border border-border bg-card", className)}>
      <WorkflowCanvas
        {...canvas}
        className="min-w-0 flex-1"
        selectedNodeIds={selected}
        onSelectionChange={setSelected}
        onNodeClick={onClick}
      />
      {wide ? (
        single !== null ? (
          <aside className="w-80 shrink-0 overflow-y-auto border-l border-border bg-card" aria-label="Step settings">
            {inspector}
          </aside>
        ) : null
      ) : (
        <Sheet open={sheetOpen && single !== null} onOpenChange={setSheetOpen}>
          <SheetContent side="bottom" className="gap-0 p-0" aria-describedby={undefined}>
            <SheetTitle className="sr-only">Step settings</SheetTitle>
            <SheetDescription className="sr-only">Edit the selected step.</SheetDescription>
            {inspector}
          </SheetContent>
        </Sheet>
      )}
    </div>
  );
}
