import { nextRoute } from "@/server/rest/next-route";
import { searchKnowledge } from "@/server/rest/routes/knowledge/search-knowledge";

export const dynamic = "force-dynamic";

/** GET /api/v1/knowledge/search: declared in server/rest/routes/knowledge/search-knowledge.ts. */
export const GET = nextRoute(searchKnowledge);
