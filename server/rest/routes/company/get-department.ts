import "server-only";
import { DomainError } from "../../../errors";
import { getDepartment as getOrgDepartment } from "../../../services/company/departments/get-department";
import { defineRoute } from "../../route";
import { ZRestDepartmentDetailSchema, ZSlugParamsSchema } from "./company-schemas";
import { departmentDetailJson, keyActor } from "./views";

const NOT_FOUND = "No such department in this organization.";

export const getDepartment = defineRoute({
  method: "get",
  path: "/api/v1/departments/{slug}",
  operationId: "getDepartment",
  summary: "Get a department",
  description: "One department of the key's org (archived ones too) with its place in the tree and what waits on it.",
  tag: "Company",
  access: { kind: "apiKey", scope: "company:read" },
  params: ZSlugParamsSchema,
  notFound: () => new DomainError("department_not_found", NOT_FOUND),
  errors: { 404: "`department_not_found`: no department of the key's org has this slug." },
  responses: { 200: { description: "The department.", schema: ZRestDepartmentDetailSchema } },
  handler: async ({ principal, params }) => ({
    status: 200,
    body: departmentDetailJson(
      await getOrgDepartment({ orgId: principal.orgId, actor: keyActor(principal), slug: params.slug }),
    ),
  }),
});
