import { nextRoute } from "@/server/rest/next-route";
import { streamEvents } from "@/server/rest/routes/events/stream-events";

export const dynamic = "force-dynamic";

/** GET /api/v1/events/stream (SSE): declared in server/rest/routes/events/stream-events.ts. */
export const GET = nextRoute(streamEvents);
