import "server-only";
import type { z } from "zod";
import { ZWorkflowGraphSchema, type WorkflowGraph } from "../../../schemas/workflow-graph";

/**
 * A ready-made workflow for the gallery. "Use template" copies `graph` into a
 * new workflow's draft; `sampleInput` is what its first run is offered (and
 * what the trigger's input looks like).
 */
export interface WorkflowTemplate {
  /** Stable: Workflow.templateId stores it. */
  id: string;
  name: string;
  description: string;
  category: "content" | "finance" | "support" | "people" | "localization" | "engineering";
  graph: WorkflowGraph;
  sampleInput: Record<string, unknown>;
}

/** Templates are written with the schema's defaults left out; parsing fills them and proves the shape at load. */
export function defineTemplate(
  template: Omit<WorkflowTemplate, "graph"> & { graph: z.input<typeof ZWorkflowGraphSchema> },
): WorkflowTemplate {
  return { ...template, graph: ZWorkflowGraphSchema.parse(template.graph) };
}

/**
 * Canvas layout: rows run top to bottom, columns spread parallel branches
 * around the centre (column 0). Nodes inside a loop are placed relative to
 * the loop, as the canvas (xyflow sub-flows) expects.
 */
export const at = (column: number, row: number) => ({ x: 400 + column * 300, y: 40 + row * 150 });
export const inLoop = (row: number) => ({ x: 60, y: 70 + row * 130 });

/** A loop's box is wider than a step (components/workflows/lib/geometry.ts); this centres it on the column. */
export const loopAt = (column: number, row: number) => ({ x: at(column, row).x - 60, y: at(column, row).y });

/** Edges written as [source, target] or [source, target, branch], ids derived from their ends. */
export function edges(...pairs: ([string, string] | [string, string, "true" | "false"])[]) {
  return pairs.map(([source, target, branch]) => ({
    id: `${source}-${target}`,
    source,
    target,
    ...(branch ? { branch } : {}),
  }));
}
