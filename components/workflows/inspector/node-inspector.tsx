"use client";

import { MousePointerClick, Trash2, X } from "lucide-react";
import { useCallback, useMemo } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import type { WorkflowGraph, WorkflowNode } from "@/server/schemas/workflow-graph";
import { removeElements, renameNodeId, replaceNode } from "../lib/graph-edit";
import { issueField, issueNodeIds } from "../lib/issues";
import { NODE_CATALOG } from "../lib/node-catalog";
import type { GraphIssue, ListingOption, MemberOption, WorkflowOption } from "../lib/types";
import { NODE_LOOK } from "../nodes/node-look";
import { IssueList } from "./issue-list";
import { NodeForm } from "./node-form";

export type NodeInspectorProps = {
  graph: WorkflowGraph;
  /** The node to edit; null shows how to pick one. */
  nodeId: string | null;
  /** Each valid edit, as a new graph; `renamed` when the node's id changed (so the caller's selection follows). */
  onChange: (graph: WorkflowGraph, change?: { renamed?: { from: string; to: string }; removed?: string }) => void;
  issues?: GraphIssue[];
  listings?: ListingOption[];
  members?: MemberOption[];
  workflows?: WorkflowOption[];
  readOnly?: boolean;
  /** Shows a close button (the side panel; the bottom sheet has its own). */
  onClose?: () => void;
  className?: string;
};

const NONE: never[] = [];
/** Issues about these fields are shown under the field itself, with their caret. */
const FIELD_SHOWN = new Set(["template", "expression", "items"]);

/** The side panel that edits the selected node: name, id and its type's settings, with its issues. */
export function NodeInspector(props: NodeInspectorProps) {
  const { graph, nodeId, onChange, issues = NONE, readOnly = false } = props;
  const node = graph.nodes.find((n) => n.id === nodeId) ?? null;
  const nodeIssues = useMemo(() => (nodeId ? issues.filter((i) => issueNodeIds(i).has(nodeId)) : []), [issues, nodeId]);
  const generalIssues = useMemo(() => nodeIssues.filter((i) => !FIELD_SHOWN.has(issueField(i) ?? "")), [nodeIssues]);
  const otherIds = useMemo(() => graph.nodes.map((n) => n.id).filter((id) => id !== nodeId), [graph.nodes, nodeId]);
  const options = useMemo(
    () => ({ listings: props.listings ?? NONE, members: props.members ?? NONE, workflows: props.workflows ?? NONE }),
    [props.listings, props.members, props.workflows],
  );
  const commit = useCallback((next: WorkflowNode) => onChange(replaceNode(graph, next)), [graph, onChange]);
  const rename = useCallback(
    (to: string) => node && onChange(renameNodeId(graph, node.id, to), { renamed: { from: node.id, to } }),
    [graph, node, onChange],
  );

  if (!node) {
    return (
      <div className={cn("flex flex-col items-center justify-center gap-2 p-6 text-center", props.className)}>
        <MousePointerClick aria-hidden className="size-5 text-muted-foreground" />
        <p className="text-sm font-medium">No step selected</p>
        <p className="text-sm text-muted-foreground">Select a step on the canvas to edit its settings.</p>
      </div>
    );
  }

  const { icon: Icon, tint } = NODE_LOOK[node.type];
  return (
    <div className={cn("grid content-start gap-4 p-4", props.className)} data-testid="node-inspector">
      <header className="flex items-center gap-3">
        <span className={cn("flex size-9 shrink-0 items-center justify-center rounded-lg", tint)}>
          <Icon aria-hidden className="size-4.5" />
        </span>
        <div className="grid min-w-0 flex-1">
          <p className="text-xs font-medium text-muted-foreground">{NODE_CATALOG[node.type].label}</p>
          <h2 className="truncate text-base font-semibold">{node.name}</h2>
        </div>
        {readOnly ? null : (
          <Button
            variant="ghost"
            size="icon"
            aria-label="Delete step"
            title="Delete step"
            onClick={() => onChange(removeElements(graph, [node.id]), { removed: node.id })}
          >
            <Trash2 className="text-muted-foreground" />
          </Button>
        )}
        {props.onClose ? (
          <Button variant="ghost" size="icon" aria-label="Close" title="Close" onClick={props.onClose}>
            <X className="text-muted-foreground" />
          </Button>
        ) : null}
      </header>
      <p className="-mt-2 text-xs text-muted-foreground">{NODE_CATALOG[node.type].description}</p>
      <IssueList issues={generalIssues} />
      <NodeForm
        key={node.id}
        node={node}
        otherIds={otherIds}
        issues={nodeIssues}
        options={options}
        readOnly={readOnly}
        onCommit={commit}
        onRename={rename}
      />
    </div>
  );
}
