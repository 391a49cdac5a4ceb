import "server-only";
import ipaddr from "ipaddr.js";

/**
 * True only for globally routable unicast addresses. Everything else is
 * refused: loopback, private (10/8, 172.16/12, 192.168/16), link-local
 * (169.254/16, which holds the 169.254.169.254 metadata service), carrier-grade
 * NAT (100.64/10), 0.0.0.0/8, multicast, broadcast, documentation and reserved
 * ranges, IPv6 loopback/unique-local (fd00:ec2::254 metadata)/link-local/
 * multicast, and IPv6 forms that embed an IPv4 address (NAT64, 6to4, Teredo),
 * whose real target we would have to guess. IPv4-mapped IPv6
 * (::ffff:127.0.0.1) is unwrapped first and judged as the IPv4 it is.
 */
export function isPublicAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (!ipaddr.isValid(bare)) return false;
  return ipaddr.process(bare).range() === "unicast";
}

/** The address family of an IP literal, or null for a host name. */
export function ipFamily(host: string): 4 | 6 | null {
  const bare = host.replace(/^\[|\]$/g, "");
  if (ipaddr.IPv4.isValidFourPartDecimal(bare)) return 4;
  if (ipaddr.IPv6.isValid(bare)) return 6;
  return null;
}
