import "server-only";
/** What the safe fetcher sends, taken apart so redirects can be re-issued by hand. */
export interface RequestParts {
  url: string;
  method: string;
  headers: Headers;
  body: string | Uint8Array | ReadableStream<Uint8Array> | null;
  signal: AbortSignal | null;
}

/**
 * Normalises fetch's (input, init) into plain parts. Bodies other than text,
 * bytes and streams (FormData, URLSearchParams, Blob) are serialised through
 * a Response so their content type survives and a 307/308 can resend them.
 */
export async function toRequestParts(input: string | URL | Request, init?: RequestInit): Promise<RequestParts> {
  const fromRequest = input instanceof Request ? input : null;
  const url = fromRequest ? fromRequest.url : input.toString();
  const method = (init?.method ?? fromRequest?.method ?? "GET").toUpperCase();
  const headers = new Headers(fromRequest?.headers);
  new Headers(init?.headers).forEach((value, key) => headers.set(key, value));
  const signal = init?.signal ?? fromRequest?.signal ?? null;

  let raw: BodyInit | null | undefined = init?.body;
  if (raw === undefined && fromRequest?.body) raw = await fromRequest.arrayBuffer();
  let body: RequestParts["body"] = null;
  if (raw === null || raw === undefined) body = null;
  else if (typeof raw === "string" || raw instanceof Uint8Array || raw instanceof ReadableStream) body = raw;
  else if (raw instanceof ArrayBuffer) body = new Uint8Array(raw);
  else if (ArrayBuffer.isView(raw)) body = new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength);
  else {
    const encoded = new Response(raw);
    const type = encoded.headers.get("content-type");
    if (type && !headers.has("content-type")) headers.set("content-type", type);
    body = new Uint8Array(await encoded.arrayBuffer());
  }
  return { url, method, headers, body, signal };
}
