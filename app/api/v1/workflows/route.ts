import { nextRoute } from "@/server/rest/next-route";
import { createWorkflow } from "@/server/rest/routes/workflows/create-workflow";
import { listWorkflows } from "@/server/rest/routes/workflows/list-workflows";

export const dynamic = "force-dynamic";

/** GET and POST /api/v1/workflows: declared in server/rest/routes/workflows/{list,create}-workflow(s).ts. */
export const GET = nextRoute(listWorkflows);
export const POST = nextRoute(createWorkflow);
