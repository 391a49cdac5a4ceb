import "server-only";
import { appUrl, env } from "../env";
import { effectivePort, normalizeHost, parseAllowHosts, type AllowedHost } from "./allow-hosts";

/**
 * Hosts the safe fetcher may reach even though they resolve to a private
 * address: OUTBOUND_ALLOW_HOSTS (see allow-hosts.ts for `host:port`,
 * `host:*` and bare `host`). When it is unset outside production, only
 * APP_URL's own host **and port** are allowed, so the app can fetch its own
 * demo agents in development but cannot be pointed at the other ports of its
 * machine (the database, the job engine, a debugger) to probe them.
 */
export function defaultAllowHosts(): AllowedHost[] {
  if (env.OUTBOUND_ALLOW_HOSTS !== undefined) return parseAllowHosts(env.OUTBOUND_ALLOW_HOSTS);
  if (env.NODE_ENV === "production") return [];
  const self = new URL(appUrl());
  return [{ host: normalizeHost(self.hostname), port: effectivePort(self) }];
}
