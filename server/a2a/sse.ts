import "server-only";
import { formatSSEErrorEvent, formatSSEEvent } from "@a2a-js/sdk";

export interface JsonRpcSseOptions {
  /** The JSON-RPC id of the request the stream answers. */
  requestId: string | number | null;
  /** Turns an error thrown by the stream into a JSON-RPC error object ({ code, message, data? }). */
  toError: (error: unknown) => unknown;
  /**
   * Wait for the first event before answering, so a stream that fails at
   * once (unknown task, bad params) gets a plain JSON-RPC error response
   * instead of an SSE stream, as the SDK's own Express transport does.
   * Default true.
   */
  awaitFirst?: boolean;
  headers?: Record<string, string>;
}

const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  // no-transform keeps proxies from compressing (and so buffering) the stream.
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
};

/**
 * Streams JSON-RPC response envelopes as Server-Sent Events: one
 * `data: <json>\n\n` frame per envelope, written as soon as it is produced.
 * An error mid-stream becomes a final `event: error` frame carrying a
 * JSON-RPC error envelope. When the client goes away the source iterator is
 * closed (its `finally` blocks run); the work behind it is not canceled.
 */
export async function jsonRpcSseResponse(
  stream: AsyncIterable<unknown>,
  options: JsonRpcSseOptions,
): Promise<Response> {
  const iterator = stream[Symbol.asyncIterator]();
  const errorEnvelope = (error: unknown) => ({ jsonrpc: "2.0", id: options.requestId, error: options.toError(error) });
  let pending: IteratorResult<unknown> | undefined;
  if (options.awaitFirst ?? true) {
    try {
      pending = await iterator.next();
    } catch (error) {
      return Response.json(errorEnvelope(error), { headers: options.headers });
    }
  }
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = pending ?? (await iterator.next());
        pending = undefined;
        if (next.done) {
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(formatSSEEvent(next.value)));
      } catch (error) {
        controller.enqueue(encoder.encode(formatSSEErrorEvent(errorEnvelope(error))));
        controller.close();
      }
    },
    async cancel() {
      await iterator.return?.(undefined);
    },
  });
  return new Response(body, { status: 200, headers: { ...SSE_HEADERS, ...options.headers } });
}
