import "server-only";
import { listWorkflowTemplates as listTemplates } from "../../../services/workflows/list-workflow-templates";
import { defineRoute } from "../../route";
import { zCursorPage } from "../../schemas";
import { ZWorkflowTemplateSchema } from "./workflow-schemas";

export const listWorkflowTemplates = defineRoute({
  method: "get",
  path: "/api/v1/workflow-templates",
  operationId: "listWorkflowTemplates",
  summary: "List the workflow templates",
  description:
    "Bureau's template gallery, the same for every org, each with its graph, a sample input and what a run " +
    "costs at today's listed prices. Make a workflow of one with POST /api/v1/workflows `{ templateId }`. " +
    "One page holds them all (`nextCursor` is null).",
  tag: "Workflows",
  access: { kind: "apiKey", scope: "workflows:read" },
  responses: { 200: { description: "Every template.", schema: zCursorPage(ZWorkflowTemplateSchema) } },
  handler: async () => {
    const templates = await listTemplates();
    return {
      status: 200,
      body: {
        items: templates.map((t) => ({
          id: t.id,
          name: t.name,
          description: t.description,
          category: t.category,
          graph: t.graph,
          sampleInput: t.sampleInput,
          estimate: t.estimate,
        })),
        nextCursor: null,
      },
    };
  },
});
