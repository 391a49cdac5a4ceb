import { conciergeCardJson } from "@/server/gateway/concierge";
import { handle } from "@/server/http/handle";

export const dynamic = "force-dynamic";

/** Bureau's own A2A agent card: a concierge that routes to the best listed agent. */
export const GET = handle(() =>
  Response.json(conciergeCardJson(), { headers: { "cache-control": "public, max-age=300" } }),
);
