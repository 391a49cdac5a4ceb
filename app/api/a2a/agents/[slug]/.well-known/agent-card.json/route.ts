import { findGatewayAgent } from "@/server/gateway/serve-gateway";
import { handle, jsonError } from "@/server/http/handle";

export const dynamic = "force-dynamic";

/** The agent's card as callers use it: pointed at the gateway, Bureau's auth declared. */
export const GET = handle(async (_request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const { slug } = await params;
  const agent = await findGatewayAgent(slug);
  if (!agent) return jsonError(404, "not_found", `No published agent "${slug}".`);
  return Response.json(agent.cardJson, { headers: { "cache-control": "public, max-age=60" } });
});
