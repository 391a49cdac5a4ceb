import "server-only";
/** tRPC and REST request bodies stop here, as on the A2A gateway (MAX_JSON_RPC_BODY_BYTES). */
export const MAX_REQUEST_BODY_BYTES = 1_000_000;

export const BODY_TOO_LARGE_MESSAGE = `The request body is larger than ${MAX_REQUEST_BODY_BYTES / 1_000_000} MB.`;

/** True when the request announces more than `maxBytes` (a body that lies is caught by capRequestBody). */
export function declaresTooLarge(request: Request, maxBytes = MAX_REQUEST_BODY_BYTES): boolean {
  return Number(request.headers.get("content-length") ?? 0) > maxBytes;
}

/**
 * The same request with its body capped: the body stream errors with
 * `tooLarge()` as soon as more than `maxBytes` arrived (or at the first read
 * when Content-Length already says so), so a huge or endless body is never
 * buffered, whoever reads it.
 */
export function capRequestBody(request: Request, tooLarge: () => Error, maxBytes = MAX_REQUEST_BODY_BYTES): Request {
  const source = request.body;
  if (!source) return request;
  const announcedTooLarge = declaresTooLarge(request, maxBytes);
  const reader = source.getReader();
  let received = 0;
  const capped = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (announcedTooLarge) return stop(controller);
      const chunk = await reader.read();
      if (chunk.done) return controller.close();
      received += chunk.value.byteLength;
      if (received > maxBytes) return stop(controller);
      controller.enqueue(chunk.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  // The rest of the body is left unread rather than cancelled: Node discards
  // it after the answer (and cancelling a Readable.toWeb stream while data is
  // still arriving throws from Node's adapter).
  function stop(controller: ReadableStreamDefaultController<Uint8Array>) {
    controller.error(tooLarge());
    reader.releaseLock();
  }
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: capped,
    signal: request.signal,
    // Required by undici for a streamed request body.
    duplex: "half",
  } as RequestInit & { duplex: "half" });
}

/** Reads a capped body to the end: the bytes, "too_large", or "unreadable" (the client broke off). */
export async function readCappedBody(
  request: Request,
  maxBytes = MAX_REQUEST_BODY_BYTES,
): Promise<ArrayBuffer | "too_large" | "unreadable"> {
  const tooLarge = new Error(BODY_TOO_LARGE_MESSAGE);
  try {
    return await capRequestBody(request, () => tooLarge, maxBytes).arrayBuffer();
  } catch (error) {
    return error === tooLarge ? "too_large" : "unreadable";
  }
}
