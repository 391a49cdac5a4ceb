import { nextRoute } from "@/server/rest/next-route";
import { cancelWorkflowRun } from "@/server/rest/routes/workflows/cancel-workflow-run";

export const dynamic = "force-dynamic";

/** POST /api/v1/workflow-runs/{id}/cancel: declared in server/rest/routes/workflows/cancel-workflow-run.ts. */
export const POST = nextRoute(cancelWorkflowRun);
