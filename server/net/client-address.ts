import "server-only";
import { randomBytes } from "node:crypto";
import { subscribe } from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import ipaddr from "ipaddr.js";
import { trustedProxies as configuredTrustedProxies } from "../env";
import { formatIpAddress, inRanges, parseIpAddress, type IpAddress, type IpRange } from "./ip-address";

/*
 * Where a request's client address comes from, and why it is stamped here.
 *
 * Verified in next@16.4.6, node_modules/next/dist/server/base-server.js
 * (handleRequestImpl, "Update the `x-forwarded-*` headers"):
 *   req.headers['x-forwarded-for'] ??= originalRequest?.socket?.remoteAddress
 * Next sets X-Forwarded-For to the socket address only when the request has
 * none, and never appends it: a client that sends `X-Forwarded-For: 1.2.3.4`
 * straight to `next start` reaches the route handler with exactly that value,
 * indistinguishable from Next's own. No other file under next/dist/server
 * reads socket.remoteAddress (router-server.js, start-server.js and
 * next-server.js do not), and NextRequest has no `ip` since Next 15. So the
 * headers alone cannot tell a forged hop from a real one.
 *
 * The socket address is taken where it still exists: Node publishes every
 * incoming request on the `http.server.request.start` diagnostics channel,
 * with its socket, before the server's 'request' listener (Next's) runs. The
 * subscriber below resolves the client IP from the socket address, the raw
 * X-Forwarded-For / X-Real-IP and TRUSTED_PROXIES, and writes it into a
 * header whose name is random per process: a client cannot send it, and a
 * request that was not stamped (the hook not installed, or a request that
 * arrived before instrumentation ran) has none and falls into the shared
 * "unknown" bucket, which fails closed.
 */

interface HookState {
  header: string;
  installed: boolean;
  trustedProxies: readonly IpRange[];
}

const globalState = globalThis as unknown as { bureauClientAddress?: HookState };

function state(): HookState {
  globalState.bureauClientAddress ??= {
    header: `x-bureau-client-ip-${randomBytes(12).toString("hex")}`,
    installed: false,
    trustedProxies: [],
  };
  return globalState.bureauClientAddress;
}

/** The header the hook writes the resolved client IP into (unguessable, per process). */
export function clientIpHeader(): string {
  return state().header;
}

/**
 * The client IP of one request: the socket peer unless it is a trusted
 * proxy; then X-Forwarded-For walked from the right, skipping trusted hops,
 * giving the right-most untrusted address. A trusted proxy that sends only
 * X-Real-IP is believed too. When every hop is trusted, the left-most one.
 * A hop that is not an address stops the walk at the last trusted one (what
 * the chain says beyond it is the client's own claim). Null without a peer.
 */
export function resolveClientIp(input: {
  peer: string | undefined | null;
  forwardedFor?: string | string[] | undefined | null;
  realIp?: string | string[] | undefined | null;
  trustedProxies: readonly IpRange[];
}): string | null {
  const peer = parseIpAddress(input.peer);
  if (!peer) return null;
  if (!inRanges(peer, input.trustedProxies)) return formatIpAddress(peer);
  const hops = [input.forwardedFor ?? []]
    .flat()
    .flatMap((value) => value.split(","))
    .map((hop) => hop.trim())
    .filter(Boolean);
  let nearest: IpAddress = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = parseIpAddress(hops[i]);
    if (!hop) return formatIpAddress(nearest);
    if (!inRanges(hop, input.trustedProxies)) return formatIpAddress(hop);
    nearest = hop;
  }
  if (hops.length === 0) {
    const realIp = parseIpAddress([input.realIp ?? []].flat()[0]);
    if (realIp) return formatIpAddress(realIp);
  }
  return formatIpAddress(nearest);
}

/**
 * Stamps every request this process's HTTP servers receive with its resolved
 * client IP (see the note at the top). Call it at start (instrumentation.ts)
 * before requests are served; calling it again only replaces the proxies.
 */
export function installClientAddressHook(trustedProxies: readonly IpRange[] = configuredTrustedProxies()): void {
  const current = state();
  current.trustedProxies = trustedProxies;
  if (current.installed) return;
  current.installed = true;
  subscribe("http.server.request.start", (message) => {
    const { request, socket } = message as { request: IncomingMessage; socket: Socket };
    const ip = resolveClientIp({
      peer: socket.remoteAddress,
      forwardedFor: request.headers["x-forwarded-for"],
      realIp: request.headers["x-real-ip"],
      trustedProxies: current.trustedProxies,
    });
    request.headers[current.header] = ip ?? "unknown";
  });
}

/**
 * The rate-limit key of a client IP: an IPv6 client usually holds a whole
 * /64, so it is one bucket (as better-auth keys it); IPv4 is the address.
 */
export function clientBucket(ip: string): string {
  const address = parseIpAddress(ip);
  if (!(address instanceof ipaddr.IPv6)) return address ? formatIpAddress(address) : "unknown";
  return `${address.parts
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(":")}::/64`;
}
