import "server-only";
import type { SendMessageRequest } from "@a2a-js/sdk";
import { DefaultRequestHandler, InMemoryTaskStore, type ServerCallContext } from "@a2a-js/sdk/server";
import { jsonRpcEndpoint, serveJsonRpc, type JsonRpcEndpoint } from "../a2a/json-rpc-endpoint";
import { buildDemoAgentCard, findDemoAgent } from "./catalog";
import { detachedStream } from "./detached-stream";
import { DemoAgentExecutor } from "./executor";
import type { DemoRuntimeOptions } from "./turn";

export interface DemoAgentRuntimeOptions extends DemoRuntimeOptions {
  /** Base URL written into the cards the SDK handlers hold. */
  appUrl: string;
  onError?: (error: unknown, slug: string) => void;
}

/** The SDK's handler, except that a streamed task keeps its stored state current after the caller hangs up. */
class DemoRequestHandler extends DefaultRequestHandler {
  override sendMessageStream(params: SendMessageRequest, context: ServerCallContext) {
    return detachedStream(super.sendMessageStream(params, context));
  }
}

/**
 * Serves the demo agents over JSON-RPC: A2A v1.0 methods (SendMessage…) and
 * v0.3 ones (message/send…) on the same URL. One SDK request handler per
 * agent, created on first use, keeps that agent's tasks in memory.
 */
export function createDemoAgentRuntime(options: DemoAgentRuntimeOptions) {
  const servers = new Map<string, JsonRpcEndpoint>();

  function serverFor(slug: string): JsonRpcEndpoint | null {
    const existing = servers.get(slug);
    if (existing) return existing;
    const spec = findDemoAgent(slug);
    if (!spec) return null;
    const card = buildDemoAgentCard(spec, options.appUrl);
    const handler = new DemoRequestHandler(
      card,
      new InMemoryTaskStore(),
      new DemoAgentExecutor(spec, options, options.onError),
    );
    const server = jsonRpcEndpoint(card, handler);
    servers.set(slug, server);
    return server;
  }

  async function handle(slug: string, request: Request): Promise<Response> {
    const server = serverFor(slug);
    if (!server) return notFound(slug);
    return serveJsonRpc(request, server, { onInternalError: (error) => options.onError?.(error, slug) });
  }

  function cardResponse(slug: string, appUrl: string): Response {
    const spec = findDemoAgent(slug);
    if (!spec) return notFound(slug);
    return Response.json(buildDemoAgentCard(spec, appUrl), { headers: { "cache-control": "public, max-age=300" } });
  }

  return { handle, cardResponse };
}

export type DemoAgentRuntime = ReturnType<typeof createDemoAgentRuntime>;

function notFound(slug: string): Response {
  return Response.json(
    { error: { code: "not_found", message: `There is no demo agent named "${slug}".` } },
    { status: 404 },
  );
}
