import { nextRoute } from "@/server/rest/next-route";
import { openApiJson } from "@/server/rest/v1";

export const dynamic = "force-dynamic";

/** GET /api/v1/openapi.json: the generated OpenAPI 3.1 document of every /api/v1 route. */
export const GET = nextRoute(openApiJson);
