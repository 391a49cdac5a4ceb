import { nextRoute } from "@/server/rest/next-route";
import { getDepartment } from "@/server/rest/routes/company/get-department";

export const dynamic = "force-dynamic";

/** GET /api/v1/departments/{slug}: declared in server/rest/routes/company/get-department.ts. */
export const GET = nextRoute(getDepartment);
