import { nextRoute } from "@/server/rest/next-route";
import { startWorkflowRun } from "@/server/rest/routes/workflows/start-workflow-run";

export const dynamic = "force-dynamic";

/** POST /api/v1/workflows/{id}/runs: declared in server/rest/routes/workflows/start-workflow-run.ts. */
export const POST = nextRoute(startWorkflowRun);
