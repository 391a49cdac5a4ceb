import { nextRoute } from "@/server/rest/next-route";
import { startDepartmentRequest } from "@/server/rest/routes/requests/start-department-request";

export const dynamic = "force-dynamic";

/** POST /api/v1/departments/{slug}/requests: declared in server/rest/routes/requests/start-department-request.ts. */
export const POST = nextRoute(startDepartmentRequest);
