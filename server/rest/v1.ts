import "server-only";
import { z } from "zod";
import { buildV1Document } from "./openapi/document";
import type { AnyRoute } from "./route";
import { defineRoute } from "./route";
import { getAgent } from "./routes/catalog/get-agent";
import { listAgents } from "./routes/catalog/list-agents";
import { listEvents } from "./routes/events/list-events";
import { streamEvents } from "./routes/events/stream-events";
import { getDepartment } from "./routes/company/get-department";
import { listDepartments } from "./routes/company/list-departments";
import { listPositions } from "./routes/company/list-positions";
import { addKnowledgeObservation } from "./routes/knowledge/add-observation";
import { createKnowledgeEntity } from "./routes/knowledge/create-entity";
import { getKnowledgeEntity } from "./routes/knowledge/get-entity";
import { searchKnowledge } from "./routes/knowledge/search-knowledge";
import { whoami } from "./routes/keys/whoami";
import { startDepartmentRequest } from "./routes/requests/start-department-request";
import { getTask } from "./routes/tasks/get-task";
import { cancelWorkflowRun } from "./routes/workflows/cancel-workflow-run";
import { createWorkflow } from "./routes/workflows/create-workflow";
import { decideApproval } from "./routes/workflows/decide-approval";
import { getWorkflow } from "./routes/workflows/get-workflow";
import { getWorkflowRun } from "./routes/workflows/get-workflow-run";
import { listApprovals } from "./routes/workflows/list-approvals";
import { listWorkflowTemplates } from "./routes/workflows/list-workflow-templates";
import { listWorkflows } from "./routes/workflows/list-workflows";
import { startWorkflowRun } from "./routes/workflows/start-workflow-run";

/**
 * GET /api/v1/openapi.json: the document of every route below, itself
 * included. Public, like the reference page that reads it (/docs/api).
 */
export const openApiJson = defineRoute({
  method: "get",
  path: "/api/v1/openapi.json",
  operationId: "getOpenApiDocument",
  summary: "This API's OpenAPI 3.1 document",
  description: "Generated from the same zod schemas that check every request and answer.",
  tag: "Meta",
  access: { kind: "public", rateLimit: { scope: "api-v1-openapi", limit: 60, windowSeconds: 60 } },
  responses: {
    200: {
      description: "The OpenAPI 3.1 document.",
      schema: z.looseObject({ openapi: z.string().meta({ example: "3.1.0" }) }),
    },
  },
  handler: () => ({ status: 200, body: { ...v1Document() } }),
});

/**
 * Every /api/v1 route, in the reference's order. A new route is declared in
 * routes/<domain>/<verb-noun>.ts, listed here, and exported from its
 * app/api/v1/…/route.ts with nextRoute(); tests/integration/rest checks that
 * the route files and this list name the same operations.
 */
export const V1_ROUTES: readonly AnyRoute[] = [
  listAgents,
  getAgent,
  whoami,
  getTask,
  listEvents,
  streamEvents,
  listWorkflowTemplates,
  listWorkflows,
  createWorkflow,
  getWorkflow,
  startWorkflowRun,
  getWorkflowRun,
  cancelWorkflowRun,
  listApprovals,
  decideApproval,
  listDepartments,
  getDepartment,
  listPositions,
  startDepartmentRequest,
  searchKnowledge,
  createKnowledgeEntity,
  getKnowledgeEntity,
  addKnowledgeObservation,
  openApiJson,
];

let document: ReturnType<typeof buildV1Document> | undefined;

/** Built once per process: the routes do not change while it runs. */
export function v1Document() {
  return (document ??= buildV1Document(V1_ROUTES));
}
