import { nextRoute } from "@/server/rest/next-route";
import { getWorkflowRun } from "@/server/rest/routes/workflows/get-workflow-run";

export const dynamic = "force-dynamic";

/** GET /api/v1/workflow-runs/{id}: declared in server/rest/routes/workflows/get-workflow-run.ts. */
export const GET = nextRoute(getWorkflowRun);
