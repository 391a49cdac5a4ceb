import { z } from "zod";
import { zSlug, zText } from "./primitives";

/**
 * The shape of a workflow: what the builder's canvas edits, what a
 * WorkflowVersion freezes, what the engine executes and what a manager's plan
 * produces. Shared by the browser (canvas, inspector, live validation) and the
 * server (engine, REST, templates), so nothing here may import server-only
 * code. Semantic checks (cycles, reachability, references, price estimate)
 * live in server/services/workflows/graph/, not here: this file only says
 * what a well-formed graph looks like.
 *
 * Text fields named `template` are Liquid templates, and fields named
 * `expression` are Liquid expressions (see server/services/workflows/graph/
 * expressions.ts for why Liquid). Both see the same scope:
 *   input            the run's input (JSON)
 *   steps.<id>       an earlier node's result: output (text), data (JSON or
 *                    null), state, costCredits, artifacts
 *   item, index      inside a loop body: the current element and its position
 *   run              id, startedAt
 */

/** A node id is how expressions name the node (`steps.research.output`), so it is an identifier. */
export const NODE_ID_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
export const zNodeId = z
  .string()
  .regex(NODE_ID_PATTERN, "Use lower-case letters, digits and _, starting with a letter (at most 40).");

const zTemplate = zText(20_000);
const zExpression = zText(2_000);
const zName = zText(120).min(1, "Give the step a name.");

export const ZRetryPolicySchema = z.strictObject({
  /** Attempts in all, the first included. */
  maxAttempts: z.number().int().min(1).max(10).default(1),
  /** Wait before the second attempt; doubles each further attempt. */
  backoffSeconds: z.number().int().min(1).max(3_600).default(30),
});

/** Who an agent step calls. Positions and departments arrive with issue 13. */
export const ZAgentTargetSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("listing"), slug: zSlug }),
  z.strictObject({ kind: z.literal("position"), positionId: z.string().min(1).max(64) }),
  z.strictObject({ kind: z.literal("department"), slug: zSlug }),
]);

const zTriggerConfig = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("manual") }),
  z.strictObject({ kind: z.literal("api") }),
  z.strictObject({ kind: z.literal("webhook") }),
  z.strictObject({
    kind: z.literal("schedule"),
    /** Five-field cron. */
    cron: zText(120),
    /** IANA time zone the cron is read in. */
    timeZone: zText(64).default("UTC"),
    /** The input each scheduled run gets. */
    input: z.json().optional(),
  }),
]);

const zApprovers = z.strictObject({
  /** Org roles whose members may decide ("owner", "admin", "member"). */
  roles: z
    .array(z.enum(["owner", "admin", "member"]))
    .max(3)
    .default([]),
  /** Named members (user ids). */
  userIds: z.array(z.string().min(1).max(64)).max(50).default([]),
});

const nodeBase = {
  id: zNodeId,
  name: zName,
  /** Canvas position; the engine ignores it. */
  position: z.strictObject({ x: z.number().finite(), y: z.number().finite() }),
  /** The loop node whose body this node belongs to, if any. */
  parentId: zNodeId.optional(),
};

export const ZWorkflowNodeSchema = z.discriminatedUnion("type", [
  z.strictObject({ ...nodeBase, type: z.literal("trigger"), config: zTriggerConfig }),
  z.strictObject({
    ...nodeBase,
    type: z.literal("agent"),
    config: z.strictObject({
      target: ZAgentTargetSchema,
      /** The message the agent receives. */
      template: zTemplate,
      retry: ZRetryPolicySchema.default({ maxAttempts: 1, backoffSeconds: 30 }),
    }),
  }),
  /** Out-edges carry `branch: "true"` or `branch: "false"`. */
  z.strictObject({ ...nodeBase, type: z.literal("condition"), config: z.strictObject({ expression: zExpression }) }),
  /** Fan-out: every out-edge starts a branch that runs at the same time. */
  z.strictObject({ ...nodeBase, type: z.literal("parallel"), config: z.strictObject({}) }),
  /** Fan-in: goes on when all its in-edges' branches ended, or the first succeeded (the rest are cancelled). */
  z.strictObject({
    ...nodeBase,
    type: z.literal("join"),
    config: z.strictObject({ wait: z.enum(["all", "first"]).default("all") }),
  }),
  z.strictObject({
    ...nodeBase,
    type: z.literal("approval"),
    config: z.strictObject({
      approvers: zApprovers,
      /** What the approvers read: a template over earlier outputs. */
      template: zTemplate,
      /** Hours until the deadline, and what happens when nobody decided by then. */
      deadlineHours: z
        .number()
        .min(0.01)
        .max(24 * 30)
        .default(72),
      onTimeout: z.enum(["approve", "reject"]).default("reject"),
    }),
  }),
  z.strictObject({
    ...nodeBase,
    type: z.literal("transform"),
    config: z.strictObject({ template: zTemplate, format: z.enum(["text", "json"]).default("text") }),
  }),
  /**
   * Runs its body (the nodes whose parentId is this loop) once per element of
   * `items`, at most `concurrency` at a time. Its result's data is the list of
   * the body's outputs, in order.
   */
  z.strictObject({
    ...nodeBase,
    type: z.literal("loop"),
    config: z.strictObject({
      items: zExpression,
      concurrency: z.number().int().min(1).max(20).default(1),
      maxItems: z.number().int().min(1).max(500).default(50),
    }),
  }),
  z.strictObject({
    ...nodeBase,
    type: z.literal("subworkflow"),
    config: z.strictObject({ workflowId: z.string().min(1).max(64), template: zTemplate }),
  }),
  z.strictObject({
    ...nodeBase,
    type: z.literal("delay"),
    config: z.strictObject({
      seconds: z
        .number()
        .int()
        .min(1)
        .max(30 * 24 * 3_600),
    }),
  }),
  /** The run's output; a run may have several (the first to run wins ties by canvas order). */
  z.strictObject({
    ...nodeBase,
    type: z.literal("output"),
    config: z.strictObject({ template: zTemplate, format: z.enum(["text", "json"]).default("text") }),
  }),
]);

export const ZWorkflowEdgeSchema = z.strictObject({
  id: z.string().min(1).max(100),
  source: zNodeId,
  target: zNodeId,
  /** Only on a condition node's out-edges. */
  branch: z.enum(["true", "false"]).optional(),
});

export const ZWorkflowGraphSchema = z.strictObject({
  nodes: z.array(ZWorkflowNodeSchema).max(200),
  edges: z.array(ZWorkflowEdgeSchema).max(400),
  /** Refuse any agent step that would take the run's spend past this (credits); null: no cap. */
  budgetCapCredits: z.number().int().positive().nullable().default(null),
});

export type WorkflowGraph = z.infer<typeof ZWorkflowGraphSchema>;
export type WorkflowNode = z.infer<typeof ZWorkflowNodeSchema>;
export type WorkflowEdge = z.infer<typeof ZWorkflowEdgeSchema>;
export type WorkflowNodeType = WorkflowNode["type"];
export type NodeOf<T extends WorkflowNodeType> = Extract<WorkflowNode, { type: T }>;

/** What a node ended as in a run; the canvas colours nodes by it. */
export const NODE_RUN_STATES = ["pending", "running", "waiting", "succeeded", "failed", "skipped", "canceled"] as const;
export type NodeRunState = (typeof NODE_RUN_STATES)[number];
