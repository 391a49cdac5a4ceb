import { nextRoute } from "@/server/rest/next-route";
import { createKnowledgeEntity } from "@/server/rest/routes/knowledge/create-entity";

export const dynamic = "force-dynamic";

/** POST /api/v1/knowledge/entities: declared in server/rest/routes/knowledge/create-entity.ts. */
export const POST = nextRoute(createKnowledgeEntity);
