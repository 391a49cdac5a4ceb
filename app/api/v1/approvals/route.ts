import { nextRoute } from "@/server/rest/next-route";
import { listApprovals } from "@/server/rest/routes/workflows/list-approvals";

export const dynamic = "force-dynamic";

/** GET /api/v1/approvals: declared in server/rest/routes/workflows/list-approvals.ts. */
export const GET = nextRoute(listApprovals);
