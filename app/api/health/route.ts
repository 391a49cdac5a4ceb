import { getHealth } from "@/server/services/health/get-health";
import { handle } from "@/server/http/handle";

export const dynamic = "force-dynamic";

export const GET = handle(async () => {
  const health = await getHealth();
  return Response.json(health, {
    status: health.status === "ok" ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
});
