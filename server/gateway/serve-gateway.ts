import { db } from "../db";
import { logger } from "../logger";
import { env } from "../env";
import { authenticateApiKey, type ApiKeyPrincipal } from "../services/api-keys/authenticate-api-key";
import { takeToken } from "../services/rate-limit/take-token";
import { jsonRpcEndpoint, jsonRpcError, serveJsonRpc } from "../a2a/json-rpc-endpoint";
import { BUREAU_RPC_ERRORS } from "./errors";
import { gatewayAgentCard, gatewayCardJson } from "./gateway-card";
import { GatewayHandler } from "./gateway-handler";

/** A published listing and its newest card, or null. */
export async function findGatewayAgent(slug: string) {
  const agent = await db.agent.findFirst({
    where: { slug, status: "PUBLISHED" },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      pricePerTask: true,
      versions: { orderBy: { version: "desc" }, take: 1, select: { card: true } },
    },
  });
  if (!agent) return null;
  const cardJson = gatewayCardJson({
    slug: agent.slug,
    name: agent.name,
    description: agent.description,
    card: agent.versions[0]?.card,
    priceCredits: agent.pricePerTask,
  });
  return { id: agent.id, slug: agent.slug, cardJson };
}

/**
 * POST /api/a2a/agents/{slug}: authenticate the org API key, find the
 * listing, and answer the JSON-RPC call through the gateway handler.
 */
export async function serveGateway(request: Request, slug: string): Promise<Response> {
  const auth = await gatewayCaller(request);
  if ("response" in auth) return auth.response;
  const agent = await findGatewayAgent(slug);
  if (!agent)
    return jsonRpcError(null, BUREAU_RPC_ERRORS.agent_not_found, `No published agent "${slug}".`, { status: 404 });
  const card = gatewayAgentCard(agent.cardJson);
  const handler = new GatewayHandler({ card, agentId: agent.id, pickAgent: async () => agent.id }, auth.principal);
  return serveJsonRpc(request, jsonRpcEndpoint(card, handler), {
    onInternalError: (error) =>
      logger.error({ err: error, slug, keyId: auth.principal.keyId }, "gateway request failed"),
  });
}

/**
 * Authenticates the org API key and applies its per-minute budget of calls.
 * Returns the principal, or the 401/429 response to send instead.
 */
export async function gatewayCaller(
  request: Request,
): Promise<{ principal: ApiKeyPrincipal } | { response: Response }> {
  const auth = await authenticateApiKey(request.headers.get("authorization"));
  if (!auth.ok) {
    return {
      response: jsonRpcError(null, BUREAU_RPC_ERRORS.forbidden, auth.message, {
        status: 401,
        headers: { "www-authenticate": 'Bearer realm="bureau"' },
      }),
    };
  }
  const limit = env.GATEWAY_RATE_LIMIT_PER_MINUTE;
  const bucket = await takeToken({ key: `a2a:key:${auth.principal.keyId}`, limit, windowSeconds: 60 });
  if (!bucket.allowed) {
    return {
      response: jsonRpcError(
        null,
        BUREAU_RPC_ERRORS.rate_limited,
        `This API key made more than ${limit} calls in a minute; retry in ${bucket.retryAfterSeconds} s.`,
        {
          status: 429,
          headers: {
            "retry-after": String(bucket.retryAfterSeconds),
            "x-ratelimit-limit": String(limit),
            "x-ratelimit-remaining": "0",
          },
        },
      ),
    };
  }
  return { principal: auth.principal };
}
