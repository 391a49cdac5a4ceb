import type { WorkflowNode } from "@/server/schemas/workflow-graph";

/** The config fields that hold Liquid text, where `steps.<id>` names another node. */
const TEXT_FIELDS = ["template", "expression", "items"] as const;

/**
 * Rewrites `steps.<old>` (and `steps["<old>"]`, `steps['<old>']`) to the new
 * ids in `renames`, leaving every other word alone: `steps.agent` must not
 * touch `steps.agent_2`, and `mysteps.agent` is not a reference.
 */
export function rewriteStepRefs(text: string, renames: ReadonlyMap<string, string>): string {
  if (renames.size === 0 || !text.includes("steps")) return text;
  return text
    .replace(/(?<![\w.])steps\.([a-z][a-z0-9_]*)/g, (whole, id: string) => {
      const to = renames.get(id);
      return to ? `steps.${to}` : whole;
    })
    .replace(/(?<![\w.])steps\[(["'])([a-z][a-z0-9_]*)\1\]/g, (whole, quote: string, id: string) => {
      const to = renames.get(id);
      return to ? `steps[${quote}${to}${quote}]` : whole;
    });
}

/** The node with its Liquid fields rewritten; the same object when nothing changed. */
export function renameRefsInNode(node: WorkflowNode, renames: ReadonlyMap<string, string>): WorkflowNode {
  const config: Record<string, unknown> = { ...node.config };
  let changed = false;
  for (const field of TEXT_FIELDS) {
    const value = config[field];
    if (typeof value !== "string") continue;
    const next = rewriteStepRefs(value, renames);
    if (next !== value) {
      config[field] = next;
      changed = true;
    }
  }
  // Only string fields the node already had were replaced by strings, so the config keeps its type.
  return changed ? ({ ...node, config } as WorkflowNode) : node;
}
