import "server-only";
import { z } from "zod";
import { zCursor, zId, zSlug, zText } from "../../../schemas/primitives";
import { ZWorkflowGraphSchema } from "../../../schemas/workflow-graph";
import type { WorkflowTemplate } from "../../../services/workflows/templates";
import { ZWorkflowDescriptionSchema, ZWorkflowNameSchema } from "../../../trpc/routers/workflows/create-workflow.types";
import { zDateTime } from "../../schemas";

/** What GET/POST /api/v1/workflows and /api/v1/workflow-templates read and answer. */

/** The builder's own graph schema: a graph the API accepts is one the canvas opens, and the reverse. */
export const ZRestWorkflowGraphSchema = ZWorkflowGraphSchema.meta({
  id: "WorkflowGraph",
  description:
    "Nodes (trigger, agent, condition, parallel, join, approval, transform, loop, subworkflow, delay, output) and " +
    "the edges between them. `template` fields are Liquid templates and `expression` fields Liquid expressions " +
    "over `input`, `steps.<nodeId>` (output, data, state, costCredits) and, in a loop, `item` and `index`.",
});

export const zPageLimit = z.coerce
  .number({ error: "must be a number" })
  .int("must be a whole number")
  .min(1, "must be at least 1")
  .max(100, "must be at most 100")
  .default(20)
  .meta({ description: "Items per page, 1 to 100 (default 20)." });

export const zPageCursor = zCursor.optional().meta({ description: "`nextCursor` of the previous page." });

/** An `{id}` path segment; one that no id can be names nothing (a 404). */
export const ZIdParamsSchema = z.object({ id: zId.meta({ description: "The id, as an earlier answer gave it." }) });

const CATEGORIES = [
  "content",
  "finance",
  "support",
  "people",
  "localization",
  "engineering",
] as const satisfies readonly WorkflowTemplate["category"][];

const ZPriceRangeSchema = z.object({ minCredits: z.int(), maxCredits: z.int() });

export const ZRunEstimateSchema = ZPriceRangeSchema.extend({
  perNode: z.record(z.string(), ZPriceRangeSchema).meta({ description: "Each node's share, by node id." }),
  unpricedNodeIds: z.array(z.string()).meta({ description: "Agent steps whose price is not known (not listed)." }),
}).meta({
  id: "RunPriceEstimate",
  description: "What one run may cost, in credits, at today's listed prices: the least and the most.",
});

export const ZWorkflowTemplateSchema = z
  .object({
    id: z.string().meta({ description: "Pass as `templateId` to POST /api/v1/workflows.", example: "hiring-packet" }),
    name: z.string(),
    description: z.string(),
    category: z.enum(CATEGORIES),
    graph: ZRestWorkflowGraphSchema,
    sampleInput: z.record(z.string(), z.unknown()).meta({ description: "An input its runs can start with." }),
    estimate: ZRunEstimateSchema,
  })
  .meta({ id: "WorkflowTemplate" });

export const ZWorkflowSummarySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    description: z.string(),
    templateId: z.string().nullable().meta({ description: "The template it was made from, if any." }),
    latestVersion: z.int().meta({ description: "The newest published version; 0 until the first publish." }),
    publishedAt: zDateTime.nullable().meta({ description: "When that version was published." }),
    hasUnpublishedChanges: z.boolean().meta({ description: "The draft changed after the newest publish." }),
    draftSavedAt: zDateTime,
    archivedAt: zDateTime.nullable(),
    createdAt: zDateTime,
    updatedAt: zDateTime,
  })
  .meta({
    id: "WorkflowSummary",
    description: "A workflow. Runs start from its newest published version, never from the draft.",
  });

export const ZWorkflowDetailSchema = ZWorkflowSummarySchema.extend({
  draftGraph: ZRestWorkflowGraphSchema.meta({ description: "The draft the builder edits." }),
  hasWebhookSecret: z.boolean().meta({ description: "Whether a webhook trigger URL was issued (Settings)." }),
}).meta({ id: "Workflow" });

export const ZWorkflowListQuerySchema = z.object({
  q: zText(200).optional().meta({ description: "Only workflows whose name contains this (any case)." }),
  cursor: zPageCursor,
  limit: zPageLimit,
});

/**
 * One object rather than a union, so that a bad graph is refused naming its
 * field (`graph.nodes.0.id: …`) instead of "matches no option".
 */
export const ZCreateWorkflowBodySchema = z
  .strictObject({
    templateId: zSlug
      .optional()
      .meta({ description: "Copy this template (GET /api/v1/workflow-templates).", example: "blog-post-legal-review" }),
    graph: ZRestWorkflowGraphSchema.optional().meta({ description: "Or start from this graph." }),
    name: ZWorkflowNameSchema.optional().meta({ description: "Defaults to the template's name." }),
    description: ZWorkflowDescriptionSchema.optional(),
  })
  .superRefine((body, ctx) => {
    if (body.templateId !== undefined && body.graph !== undefined)
      ctx.addIssue({ code: "custom", path: ["graph"], message: "send either templateId or graph, not both" });
    if (body.templateId === undefined && body.graph === undefined)
      ctx.addIssue({ code: "custom", path: ["templateId"], message: "send templateId or graph" });
  })
  .meta({ description: "Exactly one of `templateId` and `graph`." });
