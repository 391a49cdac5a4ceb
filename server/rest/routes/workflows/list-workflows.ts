import "server-only";
import { listWorkflows as listOrgWorkflows } from "../../../services/workflows/list-workflows";
import { defineRoute } from "../../route";
import { zCursorPage } from "../../schemas";
import { keyActor, workflowSummaryJson } from "./views";
import { ZWorkflowListQuerySchema, ZWorkflowSummarySchema } from "./workflow-schemas";

export const listWorkflows = defineRoute({
  method: "get",
  path: "/api/v1/workflows",
  operationId: "listWorkflows",
  summary: "List the org's workflows",
  description: "The key's org's workflows (archived ones left out), most recently changed first, a page at a time.",
  tag: "Workflows",
  access: { kind: "apiKey", scope: "workflows:read" },
  query: ZWorkflowListQuerySchema,
  responses: { 200: { description: "A page of workflows.", schema: zCursorPage(ZWorkflowSummarySchema) } },
  handler: async ({ principal, query }) => {
    const page = await listOrgWorkflows({
      orgId: principal.orgId,
      actor: keyActor(principal),
      search: query.q ?? null,
      cursor: query.cursor ?? null,
      limit: query.limit,
    });
    return { status: 200, body: { items: page.items.map(workflowSummaryJson), nextCursor: page.nextCursor } };
  },
});
