import { db } from "../../db";
import { logger } from "../../logger";
import { authenticateApiKey } from "../../services/api-keys/authenticate-api-key";
import { jsonRpcEndpoint, jsonRpcError, serveJsonRpc } from "../json-rpc-endpoint";
import { BUREAU_RPC_ERRORS } from "./errors";
import { gatewayAgentCard, gatewayCardJson } from "./gateway-card";
import { GatewayHandler } from "./gateway-handler";

/** A published listing and its newest card, or null. */
export async function findGatewayAgent(slug: string) {
  const agent = await db.agent.findFirst({
    where: { slug, status: "PUBLISHED" },
    select: { id: true, slug: true, name: true, description: true, pricePerTask: true, versions: { orderBy: { version: "desc" }, take: 1, select: { card: true } } },
  });
  if (!agent) return null;
  const cardJson = gatewayCardJson({ slug: agent.slug, name: agent.name, description: agent.description, card: agent.versions[0]?.card, priceCredits: agent.pricePerTask });
  return { id: agent.id, slug: agent.slug, cardJson };
}

/**
 * POST /api/a2a/agents/{slug}: authenticate the org API key, find the
 * listing, and answer the JSON-RPC call through the gateway handler.
 */
export async function serveGateway(request: Request, slug: string): Promise<Response> {
  const auth = await authenticateApiKey(request.headers.get("authorization"));
  if (!auth.ok) {
    return jsonRpcError(null, BUREAU_RPC_ERRORS.forbidden, auth.message, { status: 401, headers: { "www-authenticate": 'Bearer realm="bureau"' } });
  }
  const agent = await findGatewayAgent(slug);
  if (!agent) return jsonRpcError(null, BUREAU_RPC_ERRORS.agent_not_found, `No published agent "${slug}".`, { status: 404 });
  const card = gatewayAgentCard(agent.cardJson);
  const handler = new GatewayHandler({ id: agent.id, slug: agent.slug, card }, auth.principal);
  return serveJsonRpc(request, jsonRpcEndpoint(card, handler), {
    onInternalError: (error) => logger.error({ err: error, slug, keyId: auth.principal.keyId }, "gateway request failed"),
  });
}
