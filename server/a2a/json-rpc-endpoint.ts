import { A2A_VERSION_HEADER, type AgentCard } from "@a2a-js/sdk";
import { LegacyJsonRpcTransportHandler } from "@a2a-js/sdk/compat/v0_3/server";
import {
  JsonRpcTransportHandler,
  UnauthenticatedUser,
  defaultServerCallContextBuilder,
  validateVersion,
  type A2ARequestHandler,
  type User,
} from "@a2a-js/sdk/server";
import { z } from "zod";
import { jsonRpcSseResponse } from "./sse";

export const MAX_JSON_RPC_BODY_BYTES = 1_000_000;

const ZJsonRpcEnvelopeSchema = z.looseObject({
  jsonrpc: z.literal("2.0"),
  method: z.string().min(1),
  id: z.union([z.string(), z.number().int(), z.null()]).optional(),
});

export const jsonRpcError = (id: string | number | null, code: number, message: string, init?: ResponseInit) =>
  Response.json({ jsonrpc: "2.0", id, error: { code, message } }, init);

export interface JsonRpcEndpoint {
  card: AgentCard;
  v1: JsonRpcTransportHandler;
  legacy: LegacyJsonRpcTransportHandler;
}

/** Both protocol generations' transports over one request handler. */
export function jsonRpcEndpoint(card: AgentCard, handler: A2ARequestHandler): JsonRpcEndpoint {
  return { card, v1: new JsonRpcTransportHandler(handler), legacy: new LegacyJsonRpcTransportHandler(handler) };
}

/**
 * Serves one A2A JSON-RPC POST: content type and size checks, JSON and
 * envelope validation (each with its JSON-RPC error code, never a 500), the
 * protocol version from the A2A-Version header (or, without it, v0.3 for
 * slash-named methods such as message/send), then the SDK transport; streams
 * become Server-Sent Events.
 */
export async function serveJsonRpc(
  request: Request,
  endpoint: JsonRpcEndpoint,
  options: { user?: User; onInternalError?: (error: unknown) => void } = {},
): Promise<Response> {
  const contentType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (contentType && contentType !== "application/json" && contentType !== "application/a2a+json") {
    return jsonRpcError(null, -32005, `Unsupported Content-Type "${contentType}"; expected application/json.`);
  }
  if (Number(request.headers.get("content-length") ?? 0) > MAX_JSON_RPC_BODY_BYTES) {
    // The unread body is still on the wire: this connection cannot be reused.
    return jsonRpcError(null, -32600, "Request body is too large.", { status: 413, headers: { connection: "close" } });
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_JSON_RPC_BODY_BYTES)
    return jsonRpcError(null, -32600, "Request body is too large.", { status: 413 });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return jsonRpcError(null, -32700, "Invalid JSON payload.");
  }
  const envelope = ZJsonRpcEnvelopeSchema.safeParse(body);
  if (!envelope.success)
    return jsonRpcError(null, -32600, 'Invalid JSON-RPC request: expected jsonrpc "2.0", a method and an id.');
  const { method, id = null } = envelope.data;
  const headerVersion = request.headers.get(A2A_VERSION_HEADER) ?? undefined;
  const version = headerVersion ?? (method.includes("/") ? "0.3" : "1.0");
  const legacy = version === "0.3";
  const toError = legacy
    ? LegacyJsonRpcTransportHandler.mapToLegacyJSONRPCError
    : JsonRpcTransportHandler.mapToJSONRPCError;
  const context = defaultServerCallContextBuilder({
    extensions: undefined,
    user: options.user ?? new UnauthenticatedUser(),
    headers: Object.fromEntries(request.headers),
    requestedVersion: version,
  });
  try {
    validateVersion(context.requestedVersion, endpoint.card, "JSONRPC");
    const result = await (legacy ? endpoint.legacy : endpoint.v1).handle(envelope.data, context);
    if (isAsyncIterable(result)) {
      // v0.3 clients expect resubscribe errors inside the event stream.
      return await jsonRpcSseResponse(result, { requestId: id, toError, awaitFirst: method !== "tasks/resubscribe" });
    }
    return Response.json(result);
  } catch (error) {
    const mapped = toError(error);
    if (typeof mapped === "object" && mapped !== null && "code" in mapped && mapped.code === -32603)
      options.onInternalError?.(error);
    return Response.json({ jsonrpc: "2.0", id, error: mapped });
  }
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}
