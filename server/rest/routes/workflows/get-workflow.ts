import "server-only";
import { DomainError } from "../../../errors";
import { getWorkflow as getOrgWorkflow } from "../../../services/workflows/get-workflow";
import { defineRoute } from "../../route";
import { keyActor, workflowDetailJson } from "./views";
import { ZIdParamsSchema, ZWorkflowDetailSchema } from "./workflow-schemas";

const NOT_FOUND = "Workflow not found.";

export const getWorkflow = defineRoute({
  method: "get",
  path: "/api/v1/workflows/{id}",
  operationId: "getWorkflow",
  summary: "Get a workflow",
  description: "One of the org's workflows with its draft graph.",
  tag: "Workflows",
  access: { kind: "apiKey", scope: "workflows:read" },
  params: ZIdParamsSchema,
  notFound: () => new DomainError("not_found", NOT_FOUND),
  errors: { 404: "`not_found`: no workflow of the key's org has this id." },
  responses: { 200: { description: "The workflow.", schema: ZWorkflowDetailSchema } },
  handler: async ({ principal, params }) => ({
    status: 200,
    body: workflowDetailJson(
      await getOrgWorkflow({ orgId: principal.orgId, actor: keyActor(principal), workflowId: params.id }),
    ),
  }),
});
