import "server-only";
import { ORG_ROLES } from "../../../auth/roles";
import { listApiKeys } from "../../../services/api-keys/list-api-keys";
import { getCompanyChart } from "../../../services/company/departments/get-company-chart";
import { orgRoleProcedure } from "../../init";
import { ZGrantSubjectsResponseSchema } from "./grants.types";

const ROLE_NAMES = { owner: "Owners", admin: "Admins", member: "Members", viewer: "Viewers" } as const;

/** Whom an admin can choose MCP tools for: the roles, the departments (their leads), the org's API keys. */
export const grantSubjectsProcedure = orgRoleProcedure("admin")
  .output(ZGrantSubjectsResponseSchema)
  .query(async ({ ctx }) => {
    const [chart, keys] = await Promise.all([
      getCompanyChart({ orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id } }),
      listApiKeys({ orgId: ctx.org.id }),
    ]);
    return {
      roles: ORG_ROLES.map((role) => ({ id: role, name: ROLE_NAMES[role] })),
      departments: chart.departments.map((d) => ({ id: d.id, name: d.name, slug: d.slug })),
      apiKeys: keys.map((k) => ({
        id: k.id,
        name: k.name,
        hasMcpScope: k.scopes.includes("mcp:use"),
        active: k.status === "active",
      })),
    };
  });
