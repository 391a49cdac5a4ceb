import { z } from "zod";
import { ZWorkflowGraphSchema } from "../../../schemas/workflow-graph";
import { ZRunPriceEstimateSchema } from "./workflows.types";

export const ZWorkflowTemplateSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  category: z.string(),
  graph: ZWorkflowGraphSchema,
  sampleInput: z.record(z.string(), z.unknown()),
  estimate: ZRunPriceEstimateSchema,
});
export const ZListTemplatesResponseSchema = z.array(ZWorkflowTemplateSchema);
