import { nextRoute } from "@/server/rest/next-route";
import { addKnowledgeObservation } from "@/server/rest/routes/knowledge/add-observation";

export const dynamic = "force-dynamic";

/** POST /api/v1/knowledge/entities/{id}/observations: declared in server/rest/routes/knowledge/add-observation.ts. */
export const POST = nextRoute(addKnowledgeObservation);
