import "server-only";
import { db } from "../db";
import { isDomainError } from "../errors";
import { logger } from "../logger";
import { env } from "../env";
import { parsePathParam, zSlug } from "../schemas/primitives";
import { authenticateApiKey } from "../services/api-keys/authenticate-api-key";
import { authenticateGrant, isGrantAuthorization } from "../services/delegation/verify-grant";
import { clientIp } from "../services/rate-limit/client-ip";
import { takeToken } from "../services/rate-limit/take-token";
import {
  answerJsonRpc,
  jsonRpcEndpoint,
  jsonRpcError,
  readJsonRpcCall,
  withRequestScope,
} from "../a2a/json-rpc-endpoint";
import { BUREAU_RPC_ERRORS, HTTP_STATUS_OF } from "./errors";
import { gatewayAgentCard, gatewayCardJson } from "./gateway-card";
import { GatewayHandler, type GatewayAgent } from "./gateway-handler";
import { callerForLog, GRANT_SCOPES, type GatewayPrincipal } from "./gateway-principal";
import { missingScopeMessage, scopeFor } from "./method-scopes";
import { rawParamsProblem } from "./raw-params";

/**
 * A published listing and its newest card, or null. The slug comes from a
 * URL: one that is not a slug at all (a NUL byte, a lone surrogate, 5 KB)
 * is simply not found, without a query.
 */
export async function findGatewayAgent(rawSlug: string) {
  const slug = parsePathParam(zSlug, rawSlug);
  if (!slug) return null;
  const cached = listingCache.get(slug);
  if (cached && cached.expiresAt > Date.now()) return cached.agent;
  const agent = await loadGatewayAgent(slug);
  if (listingCache.size >= LISTING_CACHE_MAX) listingCache.delete(listingCache.keys().next().value!);
  listingCache.set(slug, { agent, expiresAt: Date.now() + LISTING_CACHE_MS });
  return agent;
}

/**
 * Listings as the gateway serves them, kept for two seconds per process: a
 * busy listing is then read about once per interval instead of on every
 * call. What a stale entry can cost is bounded: startTask checks the
 * listing's status and price itself, so a task on a listing paused a moment
 * ago is still refused; only the card shown (and "not found" for a listing
 * published a moment ago) lags by up to two seconds.
 */
const LISTING_CACHE_MS = 2_000;
const LISTING_CACHE_MAX = 1_000;
type GatewayListing = Awaited<ReturnType<typeof loadGatewayAgent>>;
const listingCache = new Map<string, { agent: GatewayListing; expiresAt: number }>();

async function loadGatewayAgent(slug: string) {
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
  return { id: agent.id, slug: agent.slug, cardJson, card: gatewayAgentCard(cardJson) };
}

/** POST /api/a2a/agents/{slug}: the gateway for one published listing (an org API key or a delegation grant). */
export function serveGateway(request: Request, slug: string): Promise<Response> {
  return serveGatewayCall(
    request,
    async () => {
      const agent = await findGatewayAgent(slug);
      if (!agent) return null;
      return { card: agent.card, agentId: agent.id, pickAgent: async () => agent.id };
    },
    { grants: true },
  );
}

/** Which credentials a gateway endpoint takes besides org API keys. */
export interface GatewayCallerOptions {
  /** Delegation grants (`Bearer bdg_…`): listed agents and the concierge take them; an org's own departments do not. */
  grants?: boolean;
}

/**
 * One JSON-RPC call through the gateway, in this order, each step refusing
 * with its own answer: the API key or grant (401) and its per-minute budget
 * (429); the body (413, -32700, -32600); the scope the method needs (403),
 * before anything is read; the agent (404); params the SDK could not decode
 * (-32602); then the SDK transport over GatewayHandler.
 */
export function serveGatewayCall(
  request: Request,
  /** The agent the call is for, given who is calling (a department is its caller's org's). */
  resolveAgent: (principal: GatewayPrincipal) => Promise<GatewayAgent | null>,
  options: GatewayCallerOptions = {},
) {
  return withRequestScope(request, async () => {
    const caller = await gatewayCaller(request, options);
    if ("response" in caller) return caller.response;
    const read = await readJsonRpcCall(request);
    if ("response" in read) return read.response;
    const { call } = read;
    const scope = scopeFor(call.method);
    if (scope && !caller.principal.scopes.includes(scope)) {
      const code = BUREAU_RPC_ERRORS.forbidden;
      return jsonRpcError(call.id, code, missingScopeMessage(call.method, scope), { status: HTTP_STATUS_OF[code] });
    }
    const agent = await resolveAgent(caller.principal);
    if (!agent) {
      const code = BUREAU_RPC_ERRORS.agent_not_found;
      return jsonRpcError(call.id, code, "No published agent at this address.", { status: HTTP_STATUS_OF[code] });
    }
    const problem = rawParamsProblem(call.method, call.version, call.params);
    if (problem) return jsonRpcError(call.id, -32602, problem);
    const handler = new GatewayHandler(agent, caller.principal);
    return answerJsonRpc(call, request, jsonRpcEndpoint(agent.card, handler), {
      onInternalError: (error) =>
        logger.error({ err: error, method: call.method, ...callerForLog(caller.principal) }, "gateway request failed"),
    });
  });
}

/**
 * Authenticates the org API key (invalid keys are throttled per client IP
 * before the lookup) or, where the endpoint takes them, the delegation
 * grant, and applies the caller's per-minute budget of calls. Returns the
 * principal, or the 401/429 response to send instead.
 */
export async function gatewayCaller(
  request: Request,
  options: GatewayCallerOptions = {},
): Promise<{ principal: GatewayPrincipal } | { response: Response }> {
  const authorization = request.headers.get("authorization");
  if (isGrantAuthorization(authorization)) return grantCaller(authorization, options);
  let auth;
  try {
    auth = await authenticateApiKey(authorization, { clientIp: clientIp(request.headers) });
  } catch (error) {
    if (!isDomainError(error) || error.code !== "rate_limited") throw error;
    return { response: rateLimited(error.message, Number(error.details?.retryAfterSeconds ?? 60)) };
  }
  if (!auth.ok) {
    const code = BUREAU_RPC_ERRORS.unauthenticated;
    return {
      response: jsonRpcError(null, code, auth.message, {
        status: HTTP_STATUS_OF[code],
        headers: { "www-authenticate": 'Bearer realm="bureau"' },
      }),
    };
  }
  const limit = env.GATEWAY_RATE_LIMIT_PER_MINUTE;
  const bucket = await takeToken({ key: `a2a:key:${auth.principal.keyId}`, limit, windowSeconds: 60 });
  if (!bucket.allowed) {
    const message = `This API key made more than ${limit} calls in a minute; retry in ${bucket.retryAfterSeconds} s.`;
    return { response: rateLimited(message, bucket.retryAfterSeconds, limit) };
  }
  return { principal: { kind: "apiKey", ...auth.principal } };
}

/**
 * A delegation grant: checked without a query when forged or expired, then
 * against its task (still running). Its calls share one per-minute budget
 * per tree, so a chain of agents cannot multiply it by delegating.
 */
async function grantCaller(
  authorization: string,
  options: GatewayCallerOptions,
): Promise<{ principal: GatewayPrincipal } | { response: Response }> {
  const auth = options.grants
    ? await authenticateGrant(authorization)
    : {
        ok: false as const,
        message: "A delegation grant reaches listed agents and the concierge only; use an org API key here.",
      };
  if (!auth.ok) {
    const code = BUREAU_RPC_ERRORS.grant_invalid;
    return {
      response: jsonRpcError(null, code, auth.message, {
        status: HTTP_STATUS_OF[code],
        headers: { "www-authenticate": 'Bearer realm="bureau", error="invalid_token"' },
      }),
    };
  }
  const limit = env.GATEWAY_RATE_LIMIT_PER_MINUTE;
  const bucket = await takeToken({ key: `a2a:grant:${auth.grant.rootTaskId}`, limit, windowSeconds: 60 });
  if (!bucket.allowed) {
    const retry = bucket.retryAfterSeconds;
    const message = `This delegation chain made more than ${limit} calls in a minute; retry in ${retry} s.`;
    return { response: rateLimited(message, bucket.retryAfterSeconds, limit) };
  }
  return { principal: { kind: "grant", orgId: auth.grant.orgId, scopes: GRANT_SCOPES, grant: auth.grant } };
}

function rateLimited(message: string, retryAfterSeconds: number, limit?: number): Response {
  const code = BUREAU_RPC_ERRORS.rate_limited;
  return jsonRpcError(null, code, message, {
    status: HTTP_STATUS_OF[code],
    headers: {
      "retry-after": String(Math.max(1, Math.ceil(retryAfterSeconds))),
      ...(limit === undefined ? {} : { "x-ratelimit-limit": String(limit), "x-ratelimit-remaining": "0" }),
    },
  });
}
