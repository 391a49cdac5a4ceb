import { nextRoute } from "@/server/rest/next-route";
import { listPositions } from "@/server/rest/routes/company/list-positions";

export const dynamic = "force-dynamic";

/** GET /api/v1/positions: declared in server/rest/routes/company/list-positions.ts. */
export const GET = nextRoute(listPositions);
