import "server-only";
import type { WorkflowNode } from "../../../schemas/workflow-graph";
import type { SourcePosition } from "./source-position";

/**
 * One problem live validation shows on the canvas. `code` is stable for
 * programs and tests; `message` is the sentence a user reads. Errors block
 * publishing; warnings do not.
 */
export interface GraphIssue {
  code: string;
  severity: "error" | "warning";
  message: string;
  nodeId?: string;
  edgeId?: string;
  /** The node's field at fault, e.g. "config.template". */
  field?: string;
  /** Where in that field's template or expression. */
  position?: SourcePosition;
  /** Every node involved, when there are several (the steps of a cycle). */
  nodeIds?: string[];
}

/** How a message names a node: by its name, as the canvas shows it. */
export const label = (node: Pick<WorkflowNode, "name" | "id"> | undefined, fallbackId = "?") =>
  node ? `"${node.name}"` : `"${fallbackId}"`;
