"use client";

import { ArrowRight, Minus, Move, Pencil, Plus, Settings2 } from "lucide-react";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { NODE_CATALOG } from "@/components/workflows/lib/node-catalog";
import type { WorkflowEdge, WorkflowGraph, WorkflowNode } from "@/server/schemas/workflow-graph";
import type { VersionDiff as Diff } from "./builder-types";
import { ValueChange } from "./diff-values";

type Tone = "added" | "removed" | "changed" | "neutral";

const TONE: Record<Tone, string> = {
  added: "border-l-success bg-success/5",
  removed: "border-l-destructive bg-destructive/5",
  changed: "border-l-warning bg-warning/5",
  neutral: "border-l-border bg-muted/40",
};

const nameIn = (graph: WorkflowGraph, id: string) => graph.nodes.find((n) => n.id === id)?.name ?? id;

function Section(props: { title: string; icon: ReactNode; count: number; children: ReactNode }) {
  if (props.count === 0) return null;
  return (
    <section className="grid gap-2">
      <h4 className="flex items-center gap-1.5 text-sm font-semibold [&_svg]:size-4 [&_svg]:text-muted-foreground">
        {props.icon}
        {props.title}
        <span className="font-normal text-muted-foreground">({props.count})</span>
      </h4>
      <ul className="grid gap-2">{props.children}</ul>
    </section>
  );
}

function Row({ tone, testId, children }: { tone: Tone; testId: string; children: ReactNode }) {
  return (
    <li
      className={cn("grid gap-2 rounded-md border border-l-4 border-border p-3 text-sm", TONE[tone])}
      data-testid={testId}
    >
      {children}
    </li>
  );
}

function NodeLine({ node }: { node: WorkflowNode }) {
  return (
    <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
      <span className="font-medium">{node.name}</span>
      <Badge variant="outline">{NODE_CATALOG[node.type].label}</Badge>
      <code className="text-xs text-muted-foreground">{node.id}</code>
    </p>
  );
}

function EdgeLine({ edge, graph }: { edge: WorkflowEdge; graph: WorkflowGraph }) {
  return (
    <p className="flex flex-wrap items-center gap-1.5">
      <span className="font-medium">{nameIn(graph, edge.source)}</span>
      <ArrowRight aria-label="to" className="size-3.5 text-muted-foreground" />
      <span className="font-medium">{nameIn(graph, edge.target)}</span>
      {edge.branch ? <Badge variant="outline">{edge.branch === "true" ? "if true" : "if false"}</Badge> : null}
    </p>
  );
}

/** How many things changed, for the summary line and the "no differences" case. */
export function diffSize(d: Diff["diff"]): number {
  return (
    d.nodes.added.length +
    d.nodes.removed.length +
    d.nodes.changed.length +
    d.edges.added.length +
    d.edges.removed.length +
    d.settings.length
  );
}

/**
 * The visual diff between two sides (versions, or a version and the draft):
 * steps added (green), removed (red) and changed (amber, each field with
 * its before and after), connections added and removed, the run's settings,
 * and steps only moved on the canvas (grey).
 */
export function VersionDiffView({ data }: { data: Diff }) {
  const { diff, from, to } = data;
  const moved = diff.nodes.moved.length;
  if (diffSize(diff) === 0) {
    return (
      <p
        className="rounded-md border border-dashed border-border p-6 text-center text-sm text-muted-foreground"
        data-testid="diff-empty"
      >
        {moved > 0
          ? `Only the layout changed: ${moved} ${moved === 1 ? "step" : "steps"} moved on the canvas.`
          : "No differences: both sides are the same workflow."}
      </p>
    );
  }
  return (
    <div className="grid gap-5" data-testid="version-diff">
      <Section title="Steps added" icon={<Plus />} count={diff.nodes.added.length}>
        {diff.nodes.added.map((node) => (
          <Row key={node.id} tone="added" testId="diff-node-added">
            <NodeLine node={node} />
          </Row>
        ))}
      </Section>
      <Section title="Steps removed" icon={<Minus />} count={diff.nodes.removed.length}>
        {diff.nodes.removed.map((node) => (
          <Row key={node.id} tone="removed" testId="diff-node-removed">
            <NodeLine node={node} />
          </Row>
        ))}
      </Section>
      <Section title="Steps changed" icon={<Pencil />} count={diff.nodes.changed.length}>
        {diff.nodes.changed.map((node) => (
          <Row key={node.nodeId} tone="changed" testId="diff-node-changed">
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-medium">{node.name}</span>
              <code className="text-xs text-muted-foreground">{node.nodeId}</code>
            </p>
            {node.changes.map((c) => (
              <ValueChange key={c.path} {...c} />
            ))}
          </Row>
        ))}
      </Section>
      <Section title="Connections" icon={<ArrowRight />} count={diff.edges.added.length + diff.edges.removed.length}>
        {diff.edges.added.map((edge) => (
          <Row key={`+${edge.id}`} tone="added" testId="diff-edge-added">
            <EdgeLine edge={edge} graph={to.graph} />
          </Row>
        ))}
        {diff.edges.removed.map((edge) => (
          <Row key={`-${edge.id}`} tone="removed" testId="diff-edge-removed">
            <EdgeLine edge={edge} graph={from.graph} />
          </Row>
        ))}
      </Section>
      <Section title="Run settings" icon={<Settings2 />} count={diff.settings.length}>
        {diff.settings.map((c) => (
          <Row key={c.path} tone="changed" testId="diff-setting">
            <ValueChange {...c} />
          </Row>
        ))}
      </Section>
      {moved > 0 ? (
        <p className="flex items-center gap-1.5 text-xs text-muted-foreground">
          <Move aria-hidden className="size-3.5" />
          Also {moved} {moved === 1 ? "step" : "steps"} moved on the canvas:{" "}
          {diff.nodes.moved.map((m) => m.name).join(", ")}.
        </p>
      ) : null}
    </div>
  );
}
