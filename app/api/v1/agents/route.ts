import { nextRoute } from "@/server/rest/next-route";
import { listAgents } from "@/server/rest/routes/catalog/list-agents";

export const dynamic = "force-dynamic";

/** GET /api/v1/agents: declared in server/rest/routes/catalog/list-agents.ts. */
export const GET = nextRoute(listAgents);
