import { nextRoute } from "@/server/rest/next-route";
import { whoami } from "@/server/rest/routes/keys/whoami";

export const dynamic = "force-dynamic";

/** GET /api/v1/whoami: declared in server/rest/routes/keys/whoami.ts. */
export const GET = nextRoute(whoami);
