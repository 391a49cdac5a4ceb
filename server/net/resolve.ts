import "server-only";
import { lookup as dnsLookup } from "node:dns/promises";
import type { LookupAddress } from "node:dns";
import { isPublicAddress } from "./ip-policy";
import { UnsafeUrlError } from "./unsafe-url-error";

/** Resolves a host name to every address it has (injectable so tests can fake DNS). */
export type ResolveHost = (hostname: string) => Promise<LookupAddress[]>;

export const systemResolve: ResolveHost = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

type NetLookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for net.connect that resolves once, refuses the whole host if
 * any of its addresses is not public (unless the host is allowlisted), and
 * hands back exactly the addresses it checked, so the socket connects to an
 * address that was validated: a DNS answer that changes between check and
 * connect (rebinding) never reaches the socket.
 */
export function guardedLookup(resolve: ResolveHost, isAllowed: (host: string) => boolean) {
  return (hostname: string, options: { all?: boolean; family?: number | string }, callback: NetLookupCallback) => {
    resolve(hostname)
      .then((addresses) => {
        if (addresses.length === 0) throw new UnsafeUrlError("dns_failure", `The host ${hostname} has no address.`);
        if (!isAllowed(hostname)) {
          const bad = addresses.find((a) => !isPublicAddress(a.address));
          if (bad) {
            throw new UnsafeUrlError(
              "private_address",
              `The host ${hostname} points to a private or reserved address (${bad.address}); ` +
                "Bureau only fetches public internet addresses.",
            );
          }
        }
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      })
      .catch((error: unknown) => {
        const refusal =
          error instanceof UnsafeUrlError
            ? error
            : new UnsafeUrlError("dns_failure", `The host ${hostname} could not be found.`, { cause: error });
        callback(refusal, []);
      });
  };
}
