import { nextRoute } from "@/server/rest/next-route";
import { getTask } from "@/server/rest/routes/tasks/get-task";

export const dynamic = "force-dynamic";

/** GET /api/v1/tasks/{id}: declared in server/rest/routes/tasks/get-task.ts. */
export const GET = nextRoute(getTask);
