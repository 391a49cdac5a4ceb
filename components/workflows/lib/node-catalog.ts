import type { NodeOf, WorkflowNode, WorkflowNodeType } from "@/server/schemas/workflow-graph";

/** What a new node needs that the canvas cannot invent: something real to call. */
export type NodeDefaultsContext = { listingSlug?: string; workflowId?: string };

type Entry<T extends WorkflowNodeType> = {
  label: string;
  description: string;
  group: "Start" | "Work" | "Logic" | "Finish";
  /** Null when the context lacks what the node needs (no listing to call, no other workflow). */
  config: (ctx: NodeDefaultsContext) => NodeOf<T>["config"] | null;
  /** Why `config` returned null, for the palette's disabled item. */
  unavailable?: string;
};

/** One entry per node type, in palette order. */
export const NODE_CATALOG: { [T in WorkflowNodeType]: Entry<T> } = {
  trigger: {
    label: "Trigger",
    description: "How a run starts: by hand, on a schedule, a webhook or the API.",
    group: "Start",
    config: () => ({ kind: "manual" }),
  },
  agent: {
    label: "Agent step",
    description: "Calls a marketplace agent with a message built from earlier outputs.",
    group: "Work",
    config: (ctx) =>
      ctx.listingSlug
        ? {
            target: { kind: "listing", slug: ctx.listingSlug },
            template: "{{ input }}",
            retry: { maxAttempts: 1, backoffSeconds: 30 },
          }
        : null,
    unavailable: "No agent listing to call yet.",
  },
  approval: {
    label: "Approval",
    description: "Waits for a person to approve or reject, with a deadline.",
    group: "Work",
    config: () => ({
      approvers: { roles: ["owner", "admin"], userIds: [] },
      template: "",
      deadlineHours: 72,
      onTimeout: "reject",
    }),
  },
  transform: {
    label: "Transform",
    description: "Builds text or JSON from earlier outputs with a template.",
    group: "Work",
    config: () => ({ template: "", format: "text" }),
  },
  subworkflow: {
    label: "Sub-workflow",
    description: "Runs another saved workflow and waits for its output.",
    group: "Work",
    config: (ctx) => (ctx.workflowId ? { workflowId: ctx.workflowId, template: "{{ input }}" } : null),
    unavailable: "No other workflow to run yet.",
  },
  condition: {
    label: "Condition",
    description: "Takes the true or the false branch on an expression.",
    group: "Logic",
    config: () => ({ expression: "" }),
  },
  parallel: {
    label: "Parallel",
    description: "Starts every outgoing branch at the same time.",
    group: "Logic",
    config: () => ({}),
  },
  join: {
    label: "Join",
    description: "Waits for all incoming branches, or goes on at the first.",
    group: "Logic",
    config: () => ({ wait: "all" }),
  },
  loop: {
    label: "Loop",
    description: "Runs the steps inside it once per item of a list.",
    group: "Logic",
    config: () => ({ items: "", concurrency: 1, maxItems: 50 }),
  },
  delay: {
    label: "Delay",
    description: "Waits a while before going on.",
    group: "Logic",
    config: () => ({ seconds: 3_600 }),
  },
  output: {
    label: "Output",
    description: "The run's result, as text or JSON.",
    group: "Finish",
    config: () => ({ template: "", format: "text" }),
  },
};

export const NODE_TYPES = Object.keys(NODE_CATALOG) as WorkflowNodeType[];

function defaultConfig(type: WorkflowNodeType, ctx: NodeDefaultsContext): WorkflowNode["config"] | null {
  // Each entry's `config` returns its own type's config; the map's type cannot say so per key.
  return (NODE_CATALOG[type].config as (c: NodeDefaultsContext) => WorkflowNode["config"] | null)(ctx);
}

/** Why a node of `type` cannot be added with what the org has, or null when it can. */
export function nodeUnavailable(type: WorkflowNodeType, ctx: NodeDefaultsContext): string | null {
  return defaultConfig(type, ctx) === null ? (NODE_CATALOG[type].unavailable ?? "Not available here.") : null;
}

/** A new node of `type`, or null when the context lacks what it needs. */
export function createNode(
  type: WorkflowNodeType,
  id: string,
  position: { x: number; y: number },
  ctx: NodeDefaultsContext,
): WorkflowNode | null {
  const config = defaultConfig(type, ctx);
  if (config === null) return null;
  const suffix = /_(\d+)$/.exec(id)?.[1];
  const name = suffix ? `${NODE_CATALOG[type].label} ${suffix}` : NODE_CATALOG[type].label;
  // The union is rebuilt from its parts; `type` and `config` come from the same catalog entry.
  return { id, type, name, position, config } as WorkflowNode;
}

/** Nodes that may sit inside a loop's body. */
export const canJoinLoop = (type: WorkflowNodeType) => type !== "trigger" && type !== "loop";
