import "server-only";
import ipaddr from "ipaddr.js";

export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;
/** A network: address and prefix length, as ipaddr.js parses `10.0.0.0/8`. */
export type IpRange = [IpAddress, number];

/**
 * An address as a header or socket reports it: `192.0.2.1`, `192.0.2.1:5000`,
 * `2001:db8::1`, `[2001:db8::1]:443`, `fe80::1%eth0`. IPv4-mapped IPv6
 * (`::ffff:127.0.0.1`, what a dual-stack socket reports) comes back as the
 * IPv4 it is. Null for anything else, including the short IPv4 forms
 * (`127.1`, `0x7f.1`) that ipaddr.js would otherwise accept.
 */
export function parseIpAddress(raw: string | undefined | null): IpAddress | null {
  if (!raw) return null;
  let text = raw.trim();
  if (text.length === 0 || text.length > 64) return null;
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text);
  if (bracketed?.[1]) text = bracketed[1];
  else if (/^[\d.]+:\d{1,5}$/.test(text)) text = text.slice(0, text.lastIndexOf(":"));
  text = text.replace(/%[\w.-]+$/, "");
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return ipaddr.IPv4.parse(text);
  if (ipaddr.IPv6.isValid(text)) return ipaddr.process(text);
  return null;
}

/** Canonical text of an address (IPv6 compressed, lower case) so one client is one key. */
export function formatIpAddress(address: IpAddress): string {
  return address.toString();
}

export function inRanges(address: IpAddress, ranges: readonly IpRange[]): boolean {
  return ranges.some(([network, bits]) => network.kind() === address.kind() && address.match(network, bits));
}

/**
 * Parses a comma-separated list of CIDRs (`10.0.0.0/8, 2001:db8::/32`); a
 * bare address is a network of one (/32 or /128). Throws an Error naming the
 * first entry that is neither, so a typo fails at start instead of silently
 * trusting nothing (or everything).
 */
export function parseCidrList(value: string | undefined): IpRange[] {
  if (!value) return [];
  return value
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry): IpRange => {
      const [host, bits, extra] = entry.split("/");
      const address = parseIpAddress(host);
      // A port or brackets make no sense in a network; parseIpAddress alone would drop them.
      if (!address || extra !== undefined || !ipaddr.isValid(host ?? "")) {
        throw new Error(`"${entry}" is not an IP or CIDR`);
      }
      // An IPv4-mapped network (::ffff:10.0.0.0/104) was unwrapped to IPv4: its prefix loses the 96 mapped bits.
      const mapped = address.kind() === "ipv4" && ipaddr.IPv6.isValid(host ?? "") ? 96 : 0;
      const max = address.kind() === "ipv4" ? 32 : 128;
      if (bits === undefined) return [address, max];
      const prefix = /^\d{1,3}$/.test(bits) ? Number(bits) - mapped : NaN;
      if (!(prefix >= 0 && prefix <= max)) throw new Error(`"${entry}" has a prefix outside 0-${max + mapped}`);
      return [address, prefix];
    });
}
