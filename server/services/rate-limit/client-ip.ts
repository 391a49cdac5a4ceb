import "server-only";
import { clientBucket, clientIpHeader } from "../../net/client-address";

/**
 * The caller's IP, as resolved from the socket address and TRUSTED_PROXIES
 * when the request arrived (server/net/client-address.ts explains why it is
 * not read from X-Forwarded-For here: Next passes a client's forged value
 * through untouched). A request the hook did not stamp is "unknown", one
 * bucket shared by all such callers, which fails closed rather than open.
 */
export function clientIp(headers: Headers): string {
  const ip = headers.get(clientIpHeader());
  return ip && ip.length <= 64 ? ip : "unknown";
}

/** The rate-limit key part for a caller: its IPv4 address, or its IPv6 /64. */
export function clientIpBucket(headers: Headers): string {
  return clientBucket(clientIp(headers));
}
