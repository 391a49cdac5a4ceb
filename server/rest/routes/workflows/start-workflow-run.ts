import "server-only";
import { DomainError } from "../../../errors";
import { startWorkflowRun as startRun } from "../../../services/workflows/start-workflow-run";
import { defineRoute } from "../../route";
import { ZStartedRunSchema, ZStartRunBodySchema, ZStartRunHeadersSchema } from "./run-schemas";
import { keyActor } from "./views";
import { ZIdParamsSchema } from "./workflow-schemas";

export const startWorkflowRun = defineRoute({
  method: "post",
  path: "/api/v1/workflows/{id}/runs",
  operationId: "startWorkflowRun",
  summary: "Start a workflow run",
  description:
    "Starts a run of the workflow's newest published version with `input`; follow it with GET " +
    "/api/v1/workflow-runs/{id} (the `Location` header). Its agent steps are billed tasks. Send an " +
    "`Idempotency-Key` so that a retry after a timeout returns the run already started (200) instead of " +
    "starting a second one.",
  tag: "Workflows",
  access: { kind: "apiKey", scope: "workflows:run" },
  params: ZIdParamsSchema,
  headers: ZStartRunHeadersSchema,
  body: ZStartRunBodySchema,
  notFound: () => new DomainError("not_found", "Workflow not found."),
  errors: {
    404: "`not_found`: no workflow of the key's org has this id.",
    409: "`conflict`: this Idempotency-Key already started a run of another workflow.",
    412: "`not_eligible`: the workflow has no published version yet, or is archived.",
  },
  responses: {
    201: { description: "The run started.", schema: ZStartedRunSchema },
    200: { description: "A retry with the same Idempotency-Key: the run it started.", schema: ZStartedRunSchema },
  },
  handler: async ({ principal, params, headers, body }) => {
    const run = await startRun({
      orgId: principal.orgId,
      actor: keyActor(principal),
      workflowId: params.id,
      input: body.input,
      trigger: "API",
      idempotencyKey: headers["idempotency-key"] ?? null,
    });
    // The replay's body is the first answer's, byte for byte: only the status tells them apart.
    const started = { id: run.id, workflowId: params.id, versionNumber: run.versionNumber };
    const location = { location: `/api/v1/workflow-runs/${run.id}` };
    return run.created
      ? { status: 201, body: started, headers: location }
      : { status: 200, body: started, headers: location };
  },
});
