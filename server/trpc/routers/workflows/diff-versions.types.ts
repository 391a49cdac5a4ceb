import { z } from "zod";
import { zId } from "../../../schemas/primitives";
import { ZWorkflowEdgeSchema, ZWorkflowGraphSchema, ZWorkflowNodeSchema } from "../../../schemas/workflow-graph";

export const ZDiffVersionsRequestSchema = z.object({
  workflowId: zId,
  from: z.number().int().positive(),
  /** A later version number, or "draft" for the unpublished draft. */
  to: z.union([z.number().int().positive(), z.literal("draft")]),
});

const ZValueChangeSchema = z.object({ path: z.string(), before: z.unknown(), after: z.unknown() });
const ZPointSchema = z.object({ x: z.number(), y: z.number() });
const ZDiffSideSchema = z.object({ version: z.number().int().nullable(), graph: ZWorkflowGraphSchema, at: z.date() });

export const ZDiffVersionsResponseSchema = z.object({
  from: ZDiffSideSchema,
  to: ZDiffSideSchema,
  diff: z.object({
    nodes: z.object({
      added: z.array(ZWorkflowNodeSchema),
      removed: z.array(ZWorkflowNodeSchema),
      changed: z.array(z.object({ nodeId: z.string(), name: z.string(), changes: z.array(ZValueChangeSchema) })),
      moved: z.array(z.object({ nodeId: z.string(), name: z.string(), before: ZPointSchema, after: ZPointSchema })),
    }),
    edges: z.object({ added: z.array(ZWorkflowEdgeSchema), removed: z.array(ZWorkflowEdgeSchema) }),
    settings: z.array(ZValueChangeSchema),
  }),
});
