import "server-only";
import type { PositionStatus } from "../../../generated/prisma/enums";
import { listPositions as listOrgPositions } from "../../../services/company/positions/list-positions";
import { defineRoute } from "../../route";
import { zCursorPage } from "../../schemas";
import { ZPositionListQuerySchema, ZRestPositionListItemSchema } from "./company-schemas";
import { keyActor, positionListItemJson } from "./views";

export const listPositions = defineRoute({
  method: "get",
  path: "/api/v1/positions",
  operationId: "listPositions",
  summary: "List the org's positions",
  description:
    "The agents the key's org has hired, most recently hired first, a page at a time; `department` (a slug) and " +
    "`status` narrow the list.",
  tag: "Company",
  access: { kind: "apiKey", scope: "company:read" },
  query: ZPositionListQuerySchema,
  errors: { 404: "`department_not_found`: no department of the key's org has the `department` slug." },
  responses: { 200: { description: "A page of positions.", schema: zCursorPage(ZRestPositionListItemSchema) } },
  handler: async ({ principal, query }) => {
    const page = await listOrgPositions({
      orgId: principal.orgId,
      actor: keyActor(principal),
      departmentSlug: query.department ?? null,
      status: query.status ? (query.status.toUpperCase() as PositionStatus) : null,
      cursor: query.cursor ?? null,
      limit: query.limit,
    });
    return { status: 200, body: { items: page.items.map(positionListItemJson), nextCursor: page.nextCursor } };
  },
});
