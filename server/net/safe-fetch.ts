import "server-only";
import { Agent, buildConnector, fetch as undiciFetch, type BodyInit as UndiciBodyInit } from "undici";
import { effectivePort, isAllowedHost, parseAllowHosts, type AllowedHost } from "./allow-hosts";
import { defaultAllowHosts } from "./allowlist";
import { ipFamily, isPublicAddress } from "./ip-policy";
import { limitBody, tooLarge } from "./limited-body";
import { toRequestParts, type RequestParts } from "./request-parts";
import { guardedLookup, systemResolve, type ResolveHost } from "./resolve";
import { findUnsafeUrlError, UnsafeUrlError } from "./unsafe-url-error";

export { UnsafeUrlError, type UnsafeUrlCode } from "./unsafe-url-error";

export interface SafeFetchOptions {
  /** Whole request, body included; null for long-lived streams (SSE). Default 5 s. */
  timeoutMs?: number | null;
  /** Cap on the (decoded) body; null for no cap. Default 256 KiB. */
  maxBodyBytes?: number | null;
  /** Redirects followed, each re-checked. Default 3. */
  maxRedirects?: number;
  /** DNS resolver; tests inject one to map a name to 127.0.0.1. */
  lookup?: ResolveHost;
  /** Replaces OUTBOUND_ALLOW_HOSTS (and its development default); same syntax: host, host:port, host:*. */
  allowHosts?: string[];
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const NULL_BODY = new Set([101, 204, 205, 304]);

type IsAllowed = (host: string, port: number) => boolean;

/** Refuses a URL before any network traffic: scheme, credentials, private IP literals. */
export function checkUrl(raw: string, isAllowed: IsAllowed): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new UnsafeUrlError("bad_url", `"${raw.slice(0, 200)}" is not a valid URL.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UnsafeUrlError(
      "bad_scheme",
      `Only http and https URLs can be fetched, not ${url.protocol.replace(/:$/, "")}.`,
    );
  }
  if (url.username || url.password) {
    throw new UnsafeUrlError("bad_url", "URLs with a user name or password in them are not accepted.");
  }
  // IP literals never reach the DNS lookup, so they are judged here.
  if (ipFamily(url.hostname) && !isAllowed(url.hostname, effectivePort(url)) && !isPublicAddress(url.hostname)) {
    throw new UnsafeUrlError(
      "private_address",
      `${url.hostname} is a private or reserved address; Bureau only fetches public internet addresses.`,
    );
  }
  return url;
}

/**
 * The one way the server fetches a URL a user gave it (agent cards, agent
 * endpoints, webhooks). fetch-compatible; see SafeFetchOptions for limits.
 * Refusals and limit breaches reject (or error the body stream) with
 * UnsafeUrlError.
 */
export function createSafeFetch(opts: SafeFetchOptions = {}): typeof fetch {
  const timeoutMs = opts.timeoutMs === undefined ? 5_000 : opts.timeoutMs;
  const maxBodyBytes = opts.maxBodyBytes === undefined ? 256 * 1024 : opts.maxBodyBytes;
  const maxRedirects = opts.maxRedirects ?? 3;
  let allowed: AllowedHost[] | null = null;
  // Read lazily so importing this module never needs a configured environment.
  const isAllowed: IsAllowed = (host, port) =>
    isAllowedHost(
      (allowed ??= opts.allowHosts ? parseAllowHosts(opts.allowHosts.join(",")) : defaultAllowHosts()),
      host,
      port,
    );
  const dispatcher = new Agent({ connect: guardedConnector(opts.lookup ?? systemResolve, isAllowed) });

  async function safeFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const parts = await toRequestParts(input, init);
    const timer = timeoutMs === null ? null : AbortSignal.timeout(timeoutMs);
    const signals = [parts.signal, timer].filter((s): s is AbortSignal => s !== null);
    const signal = signals.length ? AbortSignal.any(signals) : undefined;
    const timedOut = () => timer?.aborted === true && parts.signal?.aborted !== true;
    let url = checkUrl(parts.url, isAllowed);

    for (let hop = 0; ; hop++) {
      let response: Awaited<ReturnType<typeof undiciFetch>>;
      try {
        response = await undiciFetch(url, {
          method: parts.method,
          headers: [...parts.headers],
          // Same runtime classes, declared twice (DOM lib vs undici's own types).
          body: parts.body as UndiciBodyInit,
          signal,
          redirect: "manual",
          dispatcher,
          ...(parts.body instanceof ReadableStream ? { duplex: "half" as const } : {}),
        });
      } catch (error) {
        throw explain(error, url, timedOut(), timeoutMs);
      }
      const location = response.headers.get("location");
      if (REDIRECTS.has(response.status) && location) {
        await response.body?.cancel().catch(() => undefined);
        if (hop >= maxRedirects) {
          throw new UnsafeUrlError("too_many_redirects", `${parts.url} redirected more than ${maxRedirects} times.`);
        }
        const next = checkUrl(new URL(location, url).href, isAllowed);
        redirectParts(parts, response.status, url, next);
        url = next;
        continue;
      }
      const declared = Number(response.headers.get("content-length") ?? "0");
      if (maxBodyBytes !== null && declared > maxBodyBytes) {
        await response.body?.cancel().catch(() => undefined);
        throw tooLarge(url.href, maxBodyBytes);
      }
      const body =
        response.body && !NULL_BODY.has(response.status)
          ? limitBody(response.body as ReadableStream<Uint8Array>, {
              maxBytes: maxBodyBytes,
              timedOut,
              timeoutMs,
              url: url.href,
            })
          : null;
      const result = new Response(body, {
        status: response.status,
        statusText: response.statusText,
        headers: [...response.headers],
      });
      Object.defineProperty(result, "url", { value: url.href });
      return result;
    }
  }
  return safeFetch as typeof fetch;
}

/** Follows fetch's redirect rules: 303 (and 301/302 after POST) become GET; credentials stay on their origin. */
function redirectParts(parts: RequestParts, status: number, from: URL, to: URL) {
  if (status === 303 || ((status === 301 || status === 302) && parts.method === "POST")) {
    parts.method = parts.method === "HEAD" ? "HEAD" : "GET";
    parts.body = null;
    for (const h of ["content-type", "content-length", "content-encoding"]) parts.headers.delete(h);
  } else if (parts.body instanceof ReadableStream) {
    throw new UnsafeUrlError("bad_redirect", `${from.href} redirected a streamed upload, which cannot be sent twice.`);
  }
  if (from.origin !== to.origin) {
    parts.headers.delete("authorization");
    parts.headers.delete("cookie");
  }
}

function explain(error: unknown, url: URL, timedOut: boolean, timeoutMs: number | null): unknown {
  const refusal = findUnsafeUrlError(error);
  if (refusal) return refusal;
  if (timedOut)
    return new UnsafeUrlError("timeout", `${url.href} did not answer within ${timeoutMs} ms.`, { cause: error });
  if (error instanceof Error && error.name === "AbortError") return error; // the caller's own signal
  const code =
    error instanceof Error && error.cause && typeof error.cause === "object" && "code" in error.cause
      ? String(error.cause.code)
      : "network error";
  return new UnsafeUrlError("connection_failed", `Could not connect to ${url.host} (${code}).`, { cause: error });
}

/**
 * Checks a URL the way the fetcher would before connecting (scheme,
 * credentials, private IP literals; allowlist from the environment), for
 * URLs stored now and fetched later, such as an agent's endpoint.
 */
export function checkFetchableUrl(raw: string): URL {
  const allowed = defaultAllowHosts();
  return checkUrl(raw, (host, port) => isAllowedHost(allowed, host, port));
}

/**
 * undici's connector, but the DNS check knows the port: net.connect hands a
 * lookup only the host name, so the allowlist decision (host and port) is
 * made here per connection and picks a lookup that lets private addresses
 * through or one that refuses them. undici pools connections per origin, so
 * a socket opened for an allowed host:port is never reused for another port.
 */
function guardedConnector(resolve: ResolveHost, isAllowed: IsAllowed): buildConnector.connector {
  const open = buildConnector({ lookup: guardedLookup(resolve, () => true) });
  const guarded = buildConnector({ lookup: guardedLookup(resolve, () => false) });
  return (options, callback) => {
    const port = Number(options.port) || (options.protocol === "https:" ? 443 : 80);
    return (isAllowed(options.hostname, port) ? open : guarded)(options, callback);
  };
}

/** Card defaults: 5 s, 256 KiB, 3 redirects. */
export const safeFetch: typeof fetch = createSafeFetch();
