import { nextRoute } from "@/server/rest/next-route";
import { getAgent } from "@/server/rest/routes/catalog/get-agent";

export const dynamic = "force-dynamic";

/** GET /api/v1/agents/{slug}: declared in server/rest/routes/catalog/get-agent.ts. */
export const GET = nextRoute(getAgent);
