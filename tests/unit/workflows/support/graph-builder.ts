import { ZWorkflowGraphSchema, type WorkflowGraph } from "@/server/schemas/workflow-graph";

/** Terse graphs for tests: nodes by helper, edges as "a>b" or "cond>true>b"; defaults filled by the real schema. */
type Extra = { parentId?: string; name?: string; x?: number; y?: number };

const base = (id: string, extra: Extra = {}) => ({
  id,
  name: extra.name ?? id.replace(/_/g, " "),
  position: { x: extra.x ?? 0, y: extra.y ?? 0 },
  ...(extra.parentId ? { parentId: extra.parentId } : {}),
});

export const node = {
  trigger: (id = "start", extra?: Extra) => ({ ...base(id, extra), type: "trigger", config: { kind: "manual" } }),
  agent: (id: string, template = "{{ input.topic }}", slug = "writer", extra?: Extra & { maxAttempts?: number }) => ({
    ...base(id, extra),
    type: "agent",
    config: {
      target: { kind: "listing", slug },
      template,
      ...(extra?.maxAttempts ? { retry: { maxAttempts: extra.maxAttempts, backoffSeconds: 1 } } : {}),
    },
  }),
  condition: (id: string, expression = "input.ok", extra?: Extra) => ({
    ...base(id, extra),
    type: "condition",
    config: { expression },
  }),
  parallel: (id: string, extra?: Extra) => ({ ...base(id, extra), type: "parallel", config: {} }),
  join: (id: string, wait: "all" | "first" = "all", extra?: Extra) => ({
    ...base(id, extra),
    type: "join",
    config: { wait },
  }),
  approval: (id: string, roles: string[] = ["admin"], extra?: Extra) => ({
    ...base(id, extra),
    type: "approval",
    config: { approvers: { roles, userIds: [] }, template: "Approve?" },
  }),
  transform: (id: string, template: string, extra?: Extra) => ({
    ...base(id, extra),
    type: "transform",
    config: { template },
  }),
  loop: (id: string, items = "input.list", maxItems = 5, extra?: Extra) => ({
    ...base(id, extra),
    type: "loop",
    config: { items, concurrency: 2, maxItems },
  }),
  subworkflow: (id: string, workflowId: string, extra?: Extra) => ({
    ...base(id, extra),
    type: "subworkflow",
    config: { workflowId, template: "{{ input | json }}" },
  }),
  delay: (id: string, extra?: Extra) => ({ ...base(id, extra), type: "delay", config: { seconds: 60 } }),
  output: (id = "result", template = "done", extra?: Extra) => ({
    ...base(id, extra),
    type: "output",
    config: { template },
  }),
};

export function graph(nodes: object[], edges: string[], budgetCapCredits: number | null = null): WorkflowGraph {
  return ZWorkflowGraphSchema.parse({
    nodes,
    edges: edges.map((spec, i) => {
      const parts = spec.split(">");
      const [source, branch, target] = parts.length === 3 ? parts : [parts[0], undefined, parts[1]];
      return { id: `e${i + 1}`, source, target, ...(branch ? { branch } : {}) };
    }),
    budgetCapCredits,
  });
}
