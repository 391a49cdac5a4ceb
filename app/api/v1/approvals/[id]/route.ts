import { nextRoute } from "@/server/rest/next-route";
import { decideApproval } from "@/server/rest/routes/workflows/decide-approval";

export const dynamic = "force-dynamic";

/** POST /api/v1/approvals/{id}: declared in server/rest/routes/workflows/decide-approval.ts. */
export const POST = nextRoute(decideApproval);
