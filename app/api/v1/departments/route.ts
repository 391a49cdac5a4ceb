import { nextRoute } from "@/server/rest/next-route";
import { listDepartments } from "@/server/rest/routes/company/list-departments";

export const dynamic = "force-dynamic";

/** GET /api/v1/departments: declared in server/rest/routes/company/list-departments.ts. */
export const GET = nextRoute(listDepartments);
