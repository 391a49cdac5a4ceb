import "server-only";
import { listDepartments as listOrgDepartments } from "../../../services/company/departments/get-company-chart";
import { defineRoute } from "../../route";
import { zCursorPage } from "../../schemas";
import { ZDepartmentListQuerySchema, ZRestDepartmentSchema } from "./company-schemas";
import { departmentJson, keyActor } from "./views";

export const listDepartments = defineRoute({
  method: "get",
  path: "/api/v1/departments",
  operationId: "listDepartments",
  summary: "List the org's departments",
  description:
    "The key's org's departments and teams (archived ones only with `includeArchived=true`), oldest first, a page " +
    "at a time, each with its leads, positions, monthly budget and this month's spend. The tree is in `parentId`.",
  tag: "Company",
  access: { kind: "apiKey", scope: "company:read" },
  query: ZDepartmentListQuerySchema,
  responses: { 200: { description: "A page of departments.", schema: zCursorPage(ZRestDepartmentSchema) } },
  handler: async ({ principal, query }) => {
    const page = await listOrgDepartments({
      orgId: principal.orgId,
      actor: keyActor(principal),
      includeArchived: query.includeArchived ?? false,
      cursor: query.cursor ?? null,
      limit: query.limit,
    });
    return { status: 200, body: { items: page.items.map(departmentJson), nextCursor: page.nextCursor } };
  },
});
