import "server-only";
import { DomainError } from "../../../errors";
import { cancelWorkflowRun as cancelRun } from "../../../services/workflows/cancel-workflow-run";
import { defineRoute } from "../../route";
import { ZCanceledRunSchema } from "./run-schemas";
import { keyActor } from "./views";
import { ZIdParamsSchema } from "./workflow-schemas";

export const cancelWorkflowRun = defineRoute({
  method: "post",
  path: "/api/v1/workflow-runs/{id}/cancel",
  operationId: "cancelWorkflowRun",
  summary: "Cancel a workflow run",
  description:
    "Ends a run that has not ended: its unfinished steps are canceled, the agent tasks in flight stopped and " +
    "their credit holds released, its sub-workflow runs canceled too. No body.",
  tag: "Workflows",
  access: { kind: "apiKey", scope: "workflows:run" },
  params: ZIdParamsSchema,
  notFound: () => new DomainError("not_found", "Workflow run not found."),
  errors: {
    404: "`not_found`: no run of the key's org has this id.",
    412: "`already_finished`: the run had already ended.",
  },
  responses: { 200: { description: "The run is canceled.", schema: ZCanceledRunSchema } },
  handler: async ({ principal, params }) => {
    const { tasksCanceled } = await cancelRun({ orgId: principal.orgId, actor: keyActor(principal), runId: params.id });
    return { status: 200, body: { id: params.id, state: "CANCELED" as const, tasksCanceled } };
  },
});
