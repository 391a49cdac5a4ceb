import { nextRoute } from "@/server/rest/next-route";
import { getKnowledgeEntity } from "@/server/rest/routes/knowledge/get-entity";

export const dynamic = "force-dynamic";

/** GET /api/v1/knowledge/entities/{id}: declared in server/rest/routes/knowledge/get-entity.ts. */
export const GET = nextRoute(getKnowledgeEntity);
