import "server-only";
import { UnsafeUrlError } from "./unsafe-url-error";

/**
 * Passes a response body through while counting bytes: past `maxBytes` the
 * stream errors with too_large (so a huge or endless body is never buffered),
 * and an abort by our own timeout surfaces as timeout rather than AbortError.
 */
export function limitBody(
  body: ReadableStream<Uint8Array>,
  opts: { maxBytes: number | null; timedOut: () => boolean; timeoutMs: number | null; url: string },
): ReadableStream<Uint8Array> {
  const reader = body.getReader();
  let received = 0;
  const translate = (error: unknown) =>
    opts.timedOut()
      ? new UnsafeUrlError("timeout", `${opts.url} did not finish answering within ${opts.timeoutMs} ms.`, {
          cause: error,
        })
      : error;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let chunk: ReadableStreamReadResult<Uint8Array>;
      try {
        chunk = await reader.read();
      } catch (error) {
        controller.error(translate(error));
        return;
      }
      if (chunk.done) {
        controller.close();
        return;
      }
      received += chunk.value.byteLength;
      if (opts.maxBytes !== null && received > opts.maxBytes) {
        controller.error(tooLarge(opts.url, opts.maxBytes));
        await reader.cancel().catch(() => undefined);
        return;
      }
      controller.enqueue(chunk.value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

export function tooLarge(url: string, maxBytes: number): UnsafeUrlError {
  return new UnsafeUrlError(
    "too_large",
    `${url} sent more than ${Math.round(maxBytes / 1024)} KiB; Bureau stops reading there.`,
  );
}
