import { nextRoute } from "@/server/rest/next-route";
import { getWorkflow } from "@/server/rest/routes/workflows/get-workflow";

export const dynamic = "force-dynamic";

/** GET /api/v1/workflows/{id}: declared in server/rest/routes/workflows/get-workflow.ts. */
export const GET = nextRoute(getWorkflow);
