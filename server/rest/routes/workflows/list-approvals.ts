import "server-only";
import type { ApprovalState } from "../../../generated/prisma/enums";
import { listApprovals as listOrgApprovals } from "../../../services/workflows/list-approvals";
import { defineRoute } from "../../route";
import { zCursorPage } from "../../schemas";
import { ZApprovalListQuerySchema, ZApprovalSchema } from "./approval-schemas";
import { approvalJson, keyActor } from "./views";

export const listApprovals = defineRoute({
  method: "get",
  path: "/api/v1/approvals",
  operationId: "listApprovals",
  summary: "List the org's approvals",
  description:
    "Approvals of the key's org, newest first, a page at a time; `state=pending` lists those still waiting " +
    "for a decision (not those of runs that ended). Decide one with POST /api/v1/approvals/{id}.",
  tag: "Approvals",
  access: { kind: "apiKey", scope: "approvals:write" },
  query: ZApprovalListQuerySchema,
  responses: { 200: { description: "A page of approvals.", schema: zCursorPage(ZApprovalSchema) } },
  handler: async ({ principal, query }) => {
    const page = await listOrgApprovals({
      orgId: principal.orgId,
      actor: keyActor(principal),
      state: query.state ? (query.state.toUpperCase() as ApprovalState) : null,
      // Keys are not members: they see every approval of the org.
      scope: "all",
      cursor: query.cursor ?? null,
      limit: query.limit,
    });
    return { status: 200, body: { items: page.items.map(approvalJson), nextCursor: page.nextCursor } };
  },
});
