import "server-only";
import { A2A_VERSION_HEADER, type AgentCard } from "@a2a-js/sdk";
import { ERROR_INFO_TYPE } from "@a2a-js/sdk/errors";
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
import { INTERNAL_ERROR_MESSAGE } from "../errors";
import { currentRequestId, requestIdFrom, withRequestId } from "../logger";
import { jsonRpcSseResponse } from "./sse";

export const MAX_JSON_RPC_BODY_BYTES = 1_000_000;
/** Deep enough for any real message (data parts included), shallow enough for every recursive converter. */
export const MAX_JSON_RPC_DEPTH = 32;

const ZJsonRpcEnvelopeSchema = z.looseObject({
  jsonrpc: z.literal("2.0"),
  method: z.string().min(1).max(200),
  id: z.union([z.string().max(200), z.number().int(), z.null()]).optional(),
});

type RpcId = string | number | null;

export const jsonRpcError = (id: RpcId, code: number, message: string, init?: ResponseInit) =>
  Response.json({ jsonrpc: "2.0", id, error: { code, message } }, init);

/** The -32603 body every caller sees for a bug: a generic sentence and the request id to quote to support. */
export function internalRpcError(requestId = currentRequestId()) {
  return {
    code: -32603,
    message: INTERNAL_ERROR_MESSAGE,
    data: [{ "@type": ERROR_INFO_TYPE, reason: "INTERNAL_ERROR", domain: "bureau.dev", metadata: { requestId } }],
  };
}

export interface JsonRpcEndpoint {
  card: AgentCard;
  v1: JsonRpcTransportHandler;
  legacy: LegacyJsonRpcTransportHandler;
}

/** Both protocol generations' transports over one request handler. */
export function jsonRpcEndpoint(card: AgentCard, handler: A2ARequestHandler): JsonRpcEndpoint {
  return { card, v1: new JsonRpcTransportHandler(handler), legacy: new LegacyJsonRpcTransportHandler(handler) };
}

/** One parsed JSON-RPC request: its envelope, and the protocol version it speaks. */
export interface JsonRpcCall {
  id: RpcId;
  method: string;
  params: unknown;
  /** "0.3" for the legacy transport; anything else goes to v1.0 (and an unsupported one is refused there). */
  version: string;
  envelope: Record<string, unknown>;
}

/**
 * Reads one A2A JSON-RPC POST: content type and size, nesting depth, JSON
 * and envelope, each refused with its JSON-RPC code (never a 500), and the
 * protocol version from the A2A-Version header (or, without it, v0.3 for
 * slash-named methods such as message/send).
 */
export async function readJsonRpcCall(request: Request): Promise<{ call: JsonRpcCall } | { response: Response }> {
  const refuse = (code: number, message: string, init?: ResponseInit) => ({
    response: jsonRpcError(null, code, message, init),
  });
  const contentType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (contentType && contentType !== "application/json" && contentType !== "application/a2a+json")
    return refuse(-32005, `Unsupported Content-Type "${contentType.slice(0, 100)}"; expected application/json.`);
  if (Number(request.headers.get("content-length") ?? 0) > MAX_JSON_RPC_BODY_BYTES) {
    // The unread body is still on the wire: this connection cannot be reused.
    return refuse(-32600, "Request body is too large.", { status: 413, headers: { connection: "close" } });
  }
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_JSON_RPC_BODY_BYTES)
    return refuse(-32600, "Request body is too large.", { status: 413 });
  if (jsonNestsDeeperThan(text, MAX_JSON_RPC_DEPTH))
    return refuse(-32602, `Invalid params: the request nests deeper than ${MAX_JSON_RPC_DEPTH} levels.`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return refuse(-32700, "Invalid JSON payload.");
  }
  const envelope = ZJsonRpcEnvelopeSchema.safeParse(body);
  if (!envelope.success) return refuse(-32600, 'Invalid JSON-RPC request: expected jsonrpc "2.0", a method and an id.');
  const { method, id = null } = envelope.data;
  const version = request.headers.get(A2A_VERSION_HEADER) ?? (method.includes("/") ? "0.3" : "1.0");
  return { call: { id, method, params: envelope.data.params, version, envelope: envelope.data } };
}

interface AnswerOptions {
  user?: User;
  /** Told about every -32603 the caller gets; the caller only sees a generic sentence and the request id. */
  onInternalError?: (error: unknown) => void;
}

/** Answers a read call through the SDK transport of its version; streams become Server-Sent Events. */
export async function answerJsonRpc(
  call: JsonRpcCall,
  request: Request,
  endpoint: JsonRpcEndpoint,
  options: AnswerOptions = {},
): Promise<Response> {
  const requestId = currentRequestId() ?? requestIdFrom(request.headers);
  const legacy = call.version === "0.3";
  const sdkError = legacy
    ? LegacyJsonRpcTransportHandler.mapToLegacyJSONRPCError
    : JsonRpcTransportHandler.mapToJSONRPCError;
  const toError = (error: unknown) => sanitize(sdkError(error), error, requestId, options.onInternalError);
  const context = defaultServerCallContextBuilder({
    extensions: undefined,
    user: options.user ?? new UnauthenticatedUser(),
    headers: Object.fromEntries(request.headers),
    requestedVersion: call.version,
  });
  try {
    validateVersion(context.requestedVersion, endpoint.card, "JSONRPC");
    const result = await (legacy ? endpoint.legacy : endpoint.v1).handle(call.envelope, context);
    if (isAsyncIterable(result)) {
      // v0.3 clients expect resubscribe errors inside the event stream.
      const awaitFirst = call.method !== "tasks/resubscribe";
      return await jsonRpcSseResponse(result, { requestId: call.id, toError, awaitFirst });
    }
    if ("error" in result && result.error) {
      const error = sanitize(result.error, undefined, requestId, options.onInternalError);
      return Response.json({ ...result, error });
    }
    return Response.json(result);
  } catch (error) {
    return Response.json({ jsonrpc: "2.0", id: call.id, error: toError(error) });
  }
}

/** Reads and answers one JSON-RPC POST (the demo agents' whole door). */
export async function serveJsonRpc(
  request: Request,
  endpoint: JsonRpcEndpoint,
  options: AnswerOptions = {},
): Promise<Response> {
  return withRequestScope(request, async () => {
    const read = await readJsonRpcCall(request);
    if ("response" in read) return read.response;
    return answerJsonRpc(read.call, request, endpoint, options);
  });
}

/** Runs fn with a request id bound for its log lines (the route wrapper's, or a fresh one outside Next.js). */
export function withRequestScope<T>(request: Request, fn: () => Promise<T>): Promise<T> {
  return currentRequestId() ? fn() : withRequestId(requestIdFrom(request.headers), fn);
}

/** Any -32603 becomes the generic body; what it said goes to the log, never to the caller. */
function sanitize(
  mapped: unknown,
  original: unknown,
  requestId: string,
  onInternalError?: (error: unknown) => void,
): unknown {
  if (typeof mapped !== "object" || mapped === null || !("code" in mapped) || mapped.code !== -32603) return mapped;
  const said = "message" in mapped ? String(mapped.message) : "";
  if (said !== INTERNAL_ERROR_MESSAGE) onInternalError?.(original ?? new Error(said));
  return internalRpcError(requestId);
}

/**
 * True when the JSON text nests objects/arrays deeper than `max`. Checked
 * on the raw text before JSON.parse, so a pathological body never reaches
 * a recursive converter (the SDK's, zod's, Prisma's) that could overflow
 * the stack. Brackets inside strings do not count.
 */
function jsonNestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return false;
}

function isAsyncIterable(value: unknown): value is AsyncIterable<unknown> {
  return typeof value === "object" && value !== null && Symbol.asyncIterator in value;
}
