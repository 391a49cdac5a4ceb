import { z } from "zod";
import {
  ApprovalState,
  ApprovalTimeoutOutcome,
  WorkflowRunState,
  WorkflowRunTrigger,
  WorkflowStepState,
} from "../../../generated/prisma/enums";
import { ZApprovalSubjectSchema, ZRunErrorSchema } from "../../../schemas/workflow-approvals";
import { ZWorkflowGraphSchema } from "../../../schemas/workflow-graph";

/** The shapes the workflow procedures answer with (the browser's types come from these). */
export const ZWorkflowSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  templateId: z.string().nullable(),
  latestVersion: z.number().int(),
  publishedAt: z.date().nullable(),
  draftSavedAt: z.date(),
  hasUnpublishedChanges: z.boolean(),
  archivedAt: z.date().nullable(),
  createdById: z.string().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const ZWorkflowDetailSchema = ZWorkflowSummarySchema.extend({
  draftGraph: ZWorkflowGraphSchema,
  hasWebhookSecret: z.boolean(),
});

export const ZSourcePositionSchema = z.object({
  line: z.number().int(),
  column: z.number().int(),
  offset: z.number().int(),
});

/** One problem of a graph (server/services/workflows/graph/graph-issue.ts): errors block publishing. */
export const ZGraphIssueSchema = z.object({
  code: z.string(),
  severity: z.enum(["error", "warning"]),
  message: z.string(),
  nodeId: z.string().optional(),
  edgeId: z.string().optional(),
  field: z.string().optional(),
  position: ZSourcePositionSchema.optional(),
  nodeIds: z.array(z.string()).optional(),
});

export const ZPriceRangeSchema = z.object({ minCredits: z.number().int(), maxCredits: z.number().int() });

/** What a run may cost, from the listed prices (graph/estimate-price.ts). */
export const ZRunPriceEstimateSchema = ZPriceRangeSchema.extend({
  perNode: z.record(z.string(), ZPriceRangeSchema),
  unpricedNodeIds: z.array(z.string()),
});

export const ZGraphCheckSchema = z.object({
  issues: z.array(ZGraphIssueSchema),
  estimate: ZRunPriceEstimateSchema,
});

export const ZPublishedVersionSchema = z.object({
  id: z.string(),
  number: z.number().int(),
  createdAt: z.date(),
  rolledBackFrom: z.number().int().nullable(),
});

export const ZRunErrorViewSchema = ZRunErrorSchema;

export const ZWorkflowRunSummarySchema = z.object({
  id: z.string(),
  workflowId: z.string().nullable(),
  workflowName: z.string().nullable(),
  versionNumber: z.number().int().nullable(),
  state: z.enum(WorkflowRunState),
  trigger: z.enum(WorkflowRunTrigger),
  budgetCapCredits: z.number().int().nullable(),
  spentCredits: z.number().int(),
  generation: z.number().int(),
  parentRunId: z.string().nullable(),
  createdById: z.string().nullable(),
  apiKeyId: z.string().nullable(),
  error: ZRunErrorViewSchema.nullable(),
  cancelRequestedAt: z.date().nullable(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export const ZWorkflowStepSchema = z.object({
  id: z.string(),
  nodeId: z.string(),
  iterationKey: z.string(),
  state: z.enum(WorkflowStepState),
  attempt: z.number().int(),
  taskId: z.string().nullable(),
  output: z.string().nullable(),
  data: z.unknown(),
  costCredits: z.number().int(),
  error: ZRunErrorViewSchema.nullable(),
  startedAt: z.date().nullable(),
  finishedAt: z.date().nullable(),
});

export const ZApprovalSchema = z.object({
  id: z.string(),
  runId: z.string().nullable(),
  stepRunId: z.string().nullable(),
  taskId: z.string().nullable(),
  title: z.string(),
  subject: ZApprovalSubjectSchema,
  approverRoles: z.array(z.string()),
  approverUserIds: z.array(z.string()),
  state: z.enum(ApprovalState),
  deadlineAt: z.date(),
  onTimeout: z.enum(ApprovalTimeoutOutcome),
  decidedById: z.string().nullable(),
  decidedByApiKeyId: z.string().nullable(),
  comment: z.string().nullable(),
  decidedAt: z.date().nullable(),
  createdAt: z.date(),
  run: z
    .object({
      state: z.enum(WorkflowRunState),
      workflowId: z.string().nullable(),
      workflowName: z.string().nullable(),
    })
    .nullable(),
});

export const ZWorkflowRunDetailSchema = ZWorkflowRunSummarySchema.extend({
  parentNodeId: z.string().nullable(),
  graph: ZWorkflowGraphSchema,
  input: z.unknown(),
  output: z.unknown(),
  steps: z.array(ZWorkflowStepSchema),
  totalCostCredits: z.number().int(),
  pendingApprovals: z.array(ZApprovalSchema),
});
