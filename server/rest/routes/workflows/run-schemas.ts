import "server-only";
import { z } from "zod";
import { WorkflowRunState, WorkflowRunTrigger, WorkflowStepState } from "../../../generated/prisma/enums";
import { ZRunErrorSchema } from "../../../schemas/workflow-approvals";
import { IDEMPOTENCY_KEY_MAX_LENGTH } from "../../../services/workflows/start-workflow-run";
import { zDateTime } from "../../schemas";
import { ZApprovalSchema } from "./approval-schemas";

/** What POST /api/v1/workflows/{id}/runs and /api/v1/workflow-runs/{id}[/cancel] read and answer. */

const ZRunErrorViewSchema = ZRunErrorSchema.meta({
  id: "WorkflowRunError",
  description: "Why a run or step failed, and where: the node, and the character of its template or expression.",
});

export const ZStartRunBodySchema = z.object({
  input: z
    .unknown()
    .optional()
    .meta({
      description: "The run's input, any JSON; nodes read it as `input.…`. Default `{}`.",
      example: { topic: "tidal power" },
    }),
});

export const ZStartRunHeadersSchema = z.object({
  "idempotency-key": z
    .string()
    .max(IDEMPOTENCY_KEY_MAX_LENGTH, `must be at most ${IDEMPOTENCY_KEY_MAX_LENGTH} characters`)
    .regex(/^[\x21-\x7e]+$/, "must be visible ASCII characters")
    .optional()
    .meta({
      description:
        "Any unique string (a UUID): a retry with the same key returns the run the first request started " +
        "(200 instead of 201, the same body) instead of starting another. Keys are the org's, for good.",
      example: "6f1c2a1e-3b7d-4b8e-9a51-0d3c1e2f4a5b",
    }),
});

export const ZStartedRunSchema = z
  .object({
    id: z.string().meta({ description: "The run: GET /api/v1/workflow-runs/{id}." }),
    workflowId: z.string(),
    versionNumber: z.int().meta({ description: "The published version the run is pinned to." }),
  })
  .meta({ id: "StartedWorkflowRun" });

export const ZWorkflowStepSchema = z
  .object({
    id: z.string(),
    nodeId: z.string().meta({ description: "The graph node this step runs." }),
    nodeName: z.string().nullable(),
    nodeType: z.string().nullable().meta({ example: "agent" }),
    iterationKey: z.string().meta({ description: "Inside a loop: which element (empty at the top level)." }),
    state: z.enum(WorkflowStepState),
    attempt: z.int(),
    taskId: z.string().nullable().meta({ description: "An agent step's task (billed like every task)." }),
    output: z.string().nullable().meta({ description: "The step's text result." }),
    data: z.unknown().meta({ description: "The step's JSON result, if any." }),
    costCredits: z.int().meta({ description: "Credits this step spent." }),
    error: ZRunErrorViewSchema.nullable(),
    startedAt: zDateTime.nullable(),
    finishedAt: zDateTime.nullable(),
  })
  .meta({ id: "WorkflowStep" });

export const ZWorkflowRunSchema = z
  .object({
    id: z.string(),
    workflowId: z.string().nullable(),
    workflowName: z.string().nullable(),
    versionNumber: z.int().nullable(),
    state: z.enum(WorkflowRunState).meta({ description: "SUCCEEDED, FAILED and CANCELED are final." }),
    trigger: z.enum(WorkflowRunTrigger),
    input: z.unknown(),
    output: z.unknown().meta({ description: "What the run's output node produced (null until it ends)." }),
    error: ZRunErrorViewSchema.nullable(),
    budgetCapCredits: z.int().nullable().meta({ description: "The graph's cap on the run's spend." }),
    spentCredits: z.int(),
    totalCostCredits: z.int().meta({ description: "The sum of the steps' `costCredits`." }),
    parentRunId: z.string().nullable().meta({ description: "Set on a sub-workflow's run." }),
    cancelRequestedAt: zDateTime.nullable(),
    startedAt: zDateTime.nullable(),
    finishedAt: zDateTime.nullable(),
    createdAt: zDateTime,
    updatedAt: zDateTime,
    steps: z.array(ZWorkflowStepSchema).meta({ description: "In the order they started." }),
    pendingApprovals: z.array(ZApprovalSchema).meta({ description: "What the run waits on." }),
  })
  .meta({ id: "WorkflowRun" });

export const ZCanceledRunSchema = z
  .object({
    id: z.string(),
    state: z.literal("CANCELED"),
    tasksCanceled: z.int().meta({ description: "Agent tasks stopped (their credit holds released)." }),
  })
  .meta({ id: "CanceledWorkflowRun" });
