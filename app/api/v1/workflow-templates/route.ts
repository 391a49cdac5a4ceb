import { nextRoute } from "@/server/rest/next-route";
import { listWorkflowTemplates } from "@/server/rest/routes/workflows/list-workflow-templates";

export const dynamic = "force-dynamic";

/** GET /api/v1/workflow-templates: declared in server/rest/routes/workflows/list-workflow-templates.ts. */
export const GET = nextRoute(listWorkflowTemplates);
