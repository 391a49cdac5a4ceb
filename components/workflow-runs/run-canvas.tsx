"use client";

import { X } from "lucide-react";
import { WorkflowCanvas } from "@/components/workflows/workflow-canvas";
import type { GraphIssue, ListingOption, NodeStates } from "@/components/workflows/lib/types";
import { useMediaQuery } from "@/components/workflows/use-media-query";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { Sheet, SheetContent, SheetDescription, SheetHeader, SheetTitle } from "@/components/ui/sheet";
import type { RunDetail } from "./run-types";
import { StepDetails, StepTitle } from "./step-details";

const IGNORE_EDITS = () => {};

/**
 * The run's frozen graph, read-only, each node ringed in its live state with
 * its cost; a click opens the step's details beside the canvas on wide
 * screens and in a bottom sheet on narrow ones.
 */
export function RunCanvas(props: {
  run: RunDetail;
  nodeStates: NodeStates;
  issues: GraphIssue[];
  listings: ListingOption[];
  members: Map<string, string>;
  selectedId: string | null;
  onSelect: (nodeId: string | null) => void;
  now: number;
  refetch: () => void;
}) {
  const { run, selectedId } = props;
  const wide = useMediaQuery("(min-width: 1024px)");
  const node = selectedId ? (run.graph.nodes.find((n) => n.id === selectedId) ?? null) : null;
  const details = node ? (
    <StepDetails key={node.id} run={run} node={node} members={props.members} now={props.now} refetch={props.refetch} />
  ) : null;

  return (
    <div className={cn("grid min-w-0 gap-4", node && wide && "grid-cols-[minmax(0,1fr)_24rem]")}>
      <Card className="min-w-0 overflow-hidden">
        <WorkflowCanvas
          graph={run.graph}
          onChange={IGNORE_EDITS}
          readOnly
          nodeStates={props.nodeStates}
          issues={props.issues}
          listings={props.listings}
          selectedNodeIds={selectedId ? [selectedId] : []}
          onSelectionChange={(ids) => props.onSelect(ids.at(-1) ?? null)}
          onNodeClick={(id) => props.onSelect(id)}
          className="h-80 sm:h-[28rem] lg:h-[36rem]"
        />
      </Card>
      {node && wide ? (
        <Card className="h-[36rem] min-w-0 overflow-hidden" data-testid="step-panel">
          <div className="flex items-start justify-between gap-2 border-b border-border p-4">
            <StepTitle node={node} nodeStates={props.nodeStates} />
            <Button variant="ghost" size="icon" aria-label="Close the step" onClick={() => props.onSelect(null)}>
              <X />
            </Button>
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto p-4">{details}</div>
        </Card>
      ) : null}
      {!wide ? (
        <Sheet open={node !== null} onOpenChange={(open) => (open ? null : props.onSelect(null))}>
          <SheetContent side="bottom" data-testid="step-panel">
            {node ? (
              <>
                <SheetHeader>
                  <SheetTitle className="sr-only">{node.name}</SheetTitle>
                  <SheetDescription className="sr-only">What this step did in the run.</SheetDescription>
                  <StepTitle node={node} nodeStates={props.nodeStates} />
                </SheetHeader>
                {details}
              </>
            ) : null}
          </SheetContent>
        </Sheet>
      ) : null}
    </div>
  );
}
