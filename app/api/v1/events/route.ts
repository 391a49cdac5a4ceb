import { nextRoute } from "@/server/rest/next-route";
import { listEvents } from "@/server/rest/routes/events/list-events";

export const dynamic = "force-dynamic";

/** GET /api/v1/events: declared in server/rest/routes/events/list-events.ts. */
export const GET = nextRoute(listEvents);
