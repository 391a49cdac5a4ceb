import { appUrl, env } from "../env";

/** Host names compare case-insensitively; IPv6 literals lose their brackets. */
export function normalizeHost(host: string): string {
  return host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, "");
}

/**
 * Hosts the safe fetcher may reach even though they resolve to a private
 * address: OUTBOUND_ALLOW_HOSTS (comma-separated names or IPs). When it is
 * unset outside production, the host of APP_URL is allowed so the app can
 * fetch its own demo agents in development and tests. Matching is literal:
 * allowing `127.0.0.1` does not allow `[::ffff:127.0.0.1]` or `localhost`.
 */
export function defaultAllowHosts(): string[] {
  if (env.OUTBOUND_ALLOW_HOSTS !== undefined) {
    return env.OUTBOUND_ALLOW_HOSTS.split(",").map(normalizeHost).filter(Boolean);
  }
  if (env.NODE_ENV === "production") return [];
  return [normalizeHost(new URL(appUrl()).hostname)];
}
