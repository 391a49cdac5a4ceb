import "server-only";
import { createWorkflow as createOrgWorkflow } from "../../../services/workflows/create-workflow";
import { defineRoute } from "../../route";
import { keyActor, workflowDetailJson } from "./views";
import { ZCreateWorkflowBodySchema, ZWorkflowDetailSchema } from "./workflow-schemas";

export const createWorkflow = defineRoute({
  method: "post",
  path: "/api/v1/workflows",
  operationId: "createWorkflow",
  summary: "Create a workflow",
  description:
    "A new workflow whose draft is a copy of a template (`templateId`) or the graph you send. Nothing is " +
    "published: publish it in the builder (/workflows) before starting runs of it.",
  tag: "Workflows",
  access: { kind: "apiKey", scope: "workflows:write" },
  body: ZCreateWorkflowBodySchema,
  errors: {
    400: "`invalid_input`: the body failed its schema (the field is named), e.g. a malformed graph.",
    404: "`not_found`: no template has that `templateId`.",
  },
  responses: {
    201: { description: "The workflow, as GET /api/v1/workflows/{id} shows it.", schema: ZWorkflowDetailSchema },
  },
  handler: async ({ principal, body }) => {
    const workflow = await createOrgWorkflow({
      orgId: principal.orgId,
      actor: keyActor(principal),
      name: body.name,
      description: body.description,
      source: body.graph ? { kind: "graph", graph: body.graph } : { kind: "template", templateId: body.templateId! },
    });
    return {
      status: 201,
      body: workflowDetailJson(workflow),
      headers: { location: `/api/v1/workflows/${workflow.id}` },
    };
  },
});
