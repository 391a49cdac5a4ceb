import "server-only";
import ipaddr from "ipaddr.js";

/** One allowlist entry: a host (name or IP literal, normalised) and a port, or null for any port. */
export interface AllowedHost {
  host: string;
  port: number | null;
}

/** Host names compare case-insensitively; IPv6 literals lose their brackets. */
export function normalizeHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
}

/** The port a URL connects to: its own, else the scheme's default. */
export function effectivePort(url: URL): number {
  if (url.port) return Number(url.port);
  return url.protocol === "https:" ? 443 : 80;
}

/**
 * Parses OUTBOUND_ALLOW_HOSTS entries: `host:port` allows that one port,
 * `host:*` or a bare `host` any port of it; IPv6 literals in brackets
 * (`[::1]:8080`, `[::1]:*`) or bare (`::1`, any port). Throws an Error
 * naming the first entry that does not parse.
 */
export function parseAllowHost(entry: string): AllowedHost {
  const text = entry.trim();
  const bracketed = /^\[([^\]]+)\](?::(\*|\d+))?$/.exec(text);
  const [rawHost, rawPort] = bracketed
    ? [bracketed[1]!, bracketed[2]]
    : ipaddr.IPv6.isValid(text)
      ? [text, undefined]
      : (() => {
          const colon = text.lastIndexOf(":");
          return colon === -1 ? [text, undefined] : [text.slice(0, colon), text.slice(colon + 1)];
        })();
  const host = normalizeHost(rawHost);
  if (!host || /[\s/@?#]/.test(host) || (bracketed && !ipaddr.IPv6.isValid(host))) {
    throw new Error(`"${entry}" is not a host, host:port or host:*`);
  }
  if (rawPort === undefined || rawPort === "*") return { host, port: null };
  const port = /^\d{1,5}$/.test(rawPort) ? Number(rawPort) : NaN;
  if (!(port >= 1 && port <= 65535)) throw new Error(`"${entry}" has a port outside 1-65535`);
  return { host, port };
}

export function parseAllowHosts(value: string): AllowedHost[] {
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map(parseAllowHost);
}

/** Matching is literal: `127.0.0.1` does not allow `[::ffff:127.0.0.1]` or `localhost`. */
export function isAllowedHost(entries: readonly AllowedHost[], host: string, port: number): boolean {
  const wanted = normalizeHost(host);
  return entries.some((entry) => entry.host === wanted && (entry.port === null || entry.port === port));
}
