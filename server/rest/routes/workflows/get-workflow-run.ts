import "server-only";
import { DomainError } from "../../../errors";
import { getWorkflowRun as getRun } from "../../../services/workflows/get-workflow-run";
import { defineRoute } from "../../route";
import { ZWorkflowRunSchema } from "./run-schemas";
import { keyActor, workflowRunJson } from "./views";
import { ZIdParamsSchema } from "./workflow-schemas";

export const getWorkflowRun = defineRoute({
  method: "get",
  path: "/api/v1/workflow-runs/{id}",
  operationId: "getWorkflowRun",
  summary: "Get a workflow run",
  description:
    "The run's state, each step with its state, output and cost, the approvals it waits on, and the total " +
    "cost. Poll it until `state` is final (SUCCEEDED, FAILED or CANCELED), or follow `workflow_run.*` events " +
    "on /api/v1/events/stream.",
  tag: "Workflows",
  access: { kind: "apiKey", scope: "workflows:read" },
  params: ZIdParamsSchema,
  notFound: () => new DomainError("not_found", "Workflow run not found."),
  errors: { 404: "`not_found`: no run of the key's org has this id." },
  responses: { 200: { description: "The run.", schema: ZWorkflowRunSchema } },
  handler: async ({ principal, params }) => {
    const run = await getRun({ orgId: principal.orgId, actor: keyActor(principal), runId: params.id });
    return { status: 200, body: workflowRunJson(run, principal) };
  },
});
