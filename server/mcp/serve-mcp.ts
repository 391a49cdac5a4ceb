import "server-only";
import * as streamableHttp from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { isJSONRPCNotification, isInitializeRequest, type JSONRPCMessage } from "@modelcontextprotocol/sdk/types.js";
import { BODY_TOO_LARGE_MESSAGE, readCappedBody } from "../http/body-limit";
import { logger } from "../logger";
import { authenticateMcp, stillAuthenticated } from "./authenticate";
import { cancelRequestedWork } from "./cancel";
import { createMcpServer } from "./create-server";
import { watchToolList } from "./list-changed";
import { foreignOriginProblem, mcpAllowedHosts, mcpAllowedOrigins } from "./origin";
import { principalForLog } from "./principal";
import { newSessionId, SESSION_HEADER, sessionIdOf } from "./session";

/** A JSON-RPC error answered before any MCP is spoken (the SDK transport answers in the same shape). */
const rpcError = (status: number, code: number, message: string) =>
  Response.json({ jsonrpc: "2.0", error: { code, message }, id: null }, { status });

/**
 * /api/mcp: Bureau's MCP server over Streamable HTTP (the SDK's web-standard
 * transport; protocol 2025-11-25 and the revisions before it the SDK speaks).
 * In order: Host and Origin (403, DNS rebinding), the caller (401 with the
 * RFC 9728 pointer, 403 without mcp:use, 429), the body (413, -32700), then
 * a server built for this caller answers on a fresh stateless transport.
 * Nothing is kept between requests: initialize hands out a session id that
 * only names the client's requests (session.ts), so any process can serve
 * any request. A session's GET stream carries tools/list_changed.
 */
export async function serveMcp(request: Request): Promise<Response> {
  const foreign = foreignOriginProblem(request);
  if (foreign) return rpcError(403, -32000, foreign);
  const caller = await authenticateMcp(request);
  if ("response" in caller) return caller.response;
  const { principal } = caller;

  let body: unknown;
  let messages: JSONRPCMessage[] = [];
  // A body that is not JSON is the SDK transport's to refuse (415), unread here.
  const json = request.headers.get("content-type")?.includes("application/json") ?? false;
  if (request.method === "POST" && json) {
    const bytes = await readCappedBody(request);
    if (bytes === "too_large") return rpcError(413, -32000, BODY_TOO_LARGE_MESSAGE);
    if (bytes === "unreadable") return rpcError(400, -32700, "Parse error: the body could not be read");
    try {
      body = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      return rpcError(400, -32700, "Parse error: Invalid JSON");
    }
    messages = (Array.isArray(body) ? body : [body]) as JSONRPCMessage[];
  }
  const initializing = messages.some((m) => isInitializeRequest(m));
  const sessionId = initializing ? newSessionId() : sessionIdOf(request);

  // Cancellations are acted on before the answer (a 202), so that no process
  // ends the work it asks to stop before the cancel is recorded.
  for (const message of messages) {
    if (isJSONRPCNotification(message) && message.method === "notifications/cancelled") {
      const requestId = (message.params as { requestId?: string | number } | undefined)?.requestId;
      await cancelRequestedWork(principal, sessionId, requestId);
    }
  }

  const server = createMcpServer({ principal, sessionId });
  const transport = new streamableHttp.WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableDnsRebindingProtection: true,
    allowedHosts: mcpAllowedHosts(),
    allowedOrigins: mcpAllowedOrigins(),
  });
  const done = new AbortController();
  const close = () => {
    if (done.signal.aborted) return;
    done.abort();
    server.close().catch(() => undefined);
  };
  request.signal.addEventListener("abort", close, { once: true });
  await server.connect(transport);
  const watch = request.method === "GET" ? await watchToolList(principal) : null;
  const response = await transport.handleRequest(request, body === undefined ? undefined : { parsedBody: body });
  if (initializing && response.ok) response.headers.set(SESSION_HEADER, sessionId!);

  if (watch && response.ok) {
    const signal = done.signal;
    void watch
      .follow({ server, signal, stillAllowed: () => stillAuthenticated(request, principal) })
      .catch((error: unknown) => {
        if (!signal.aborted)
          logger.warn({ err: error, ...principalForLog(principal) }, "MCP list_changed stream failed");
      })
      .finally(close);
  }
  return closeWhenDone(response, close);
}

/** The same response, closing the per-request server once its body has been sent or the client went away. */
function closeWhenDone(response: Response, close: () => void): Response {
  if (!response.body) {
    close();
    return response;
  }
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (chunk.done) {
        controller.close();
        close();
      } else controller.enqueue(chunk.value);
    },
    cancel(reason) {
      close();
      return reader.cancel(reason).catch(() => undefined);
    },
  });
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
}
