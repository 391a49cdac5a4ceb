import "server-only";
import { logger } from "../logger";

/** One Server-Sent Events frame; `data` is sent as JSON. */
export interface SseFrame {
  id?: string;
  event?: string;
  data: unknown;
}

export interface SseResponseOptions {
  /**
   * The request being answered: its signal aborts when the client goes away.
   * The request itself (not just its signal) is held for the stream's life:
   * undici unlinks a Request's signal from its source once the Request is
   * garbage-collected, which would hide the disconnect.
   */
  request?: Request;
  /** A comment line every so often keeps proxies and load balancers from closing an idle stream. */
  heartbeatMs?: number;
  /** Sent after the source ends normally (e.g. `event: end`). */
  final?: () => Promise<SseFrame | null> | SseFrame | null;
}

export const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  // no-transform keeps proxies from compressing (and so buffering) the stream.
  "cache-control": "no-cache, no-transform",
  "x-accel-buffering": "no",
};

/** `id:`, `event:` and `data:` lines of one frame. JSON has no raw newlines, so one data line suffices. */
export function formatSseFrame(frame: SseFrame): string {
  const lines: string[] = [];
  if (frame.id !== undefined) lines.push(`id: ${frame.id.replace(/[\r\n]/g, "")}`);
  if (frame.event !== undefined) lines.push(`event: ${frame.event.replace(/[\r\n]/g, "")}`);
  lines.push(`data: ${JSON.stringify(frame.data)}`);
  return `${lines.join("\n")}\n\n`;
}

/**
 * Streams frames from `source` as an SSE response. `source` receives a
 * signal that aborts when the client disconnects (the request's signal or
 * the body stream's cancel), so a generator following a live log stops instead of polling
 * for nobody. An error from the source ends the stream with an
 * `event: stream-error` frame carrying only a generic message (not
 * `error`, which EventSource reserves for its own connection errors) (details go to the log).
 */
export function sseResponse(
  source: (signal: AbortSignal) => AsyncIterable<SseFrame>,
  options: SseResponseOptions = {},
): Response {
  const stop = new AbortController();
  const abort = () => stop.abort();
  options.request?.signal.addEventListener("abort", abort, { once: true });
  const encoder = new TextEncoder();

  const body = new ReadableStream<Uint8Array>({
    async start(controller) {
      const write = (text: string) => {
        if (stop.signal.aborted) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          abort();
        }
      };
      const heartbeat = setInterval(() => write(": heartbeat\n\n"), options.heartbeatMs ?? 15_000);
      try {
        // Tells EventSource how long to wait before reconnecting.
        write("retry: 3000\n\n");
        for await (const frame of source(stop.signal)) {
          if (stop.signal.aborted) break;
          write(formatSseFrame(frame));
        }
        const last = stop.signal.aborted ? null : await options.final?.();
        if (last) write(formatSseFrame(last));
      } catch (error) {
        logger.error({ err: error }, "event stream failed");
        write(
          formatSseFrame({ event: "stream-error", data: { message: "The live stream stopped. Reload to continue." } }),
        );
      } finally {
        clearInterval(heartbeat);
        options.request?.signal.removeEventListener("abort", abort);
        abort();
        try {
          controller.close();
        } catch {
          // Already canceled by the client.
        }
      }
    },
    cancel() {
      abort();
    },
  });
  return new Response(body, { status: 200, headers: SSE_HEADERS });
}
