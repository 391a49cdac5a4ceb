import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientBucket, clientIpHeader, installClientAddressHook, resolveClientIp } from "@/server/net/client-address";
import { parseCidrList, parseIpAddress } from "@/server/net/ip-address";
import { clientIp, clientIpBucket } from "@/server/services/rate-limit/client-ip";

const none = parseCidrList(undefined);
const loopback = parseCidrList("127.0.0.1/32");
const proxies = parseCidrList("10.0.0.0/8, 2001:db8:ffff::/48");

describe("parseIpAddress", () => {
  it("reads the forms headers and sockets use, and nothing else", () => {
    expect(parseIpAddress("192.0.2.1")?.toString()).toBe("192.0.2.1");
    expect(parseIpAddress(" 192.0.2.1:5000 ")?.toString()).toBe("192.0.2.1");
    expect(parseIpAddress("[2001:DB8::1]:443")?.toString()).toBe("2001:db8::1");
    expect(parseIpAddress("::ffff:127.0.0.1")?.toString()).toBe("127.0.0.1");
    expect(parseIpAddress("fe80::1%eth0")?.toString()).toBe("fe80::1");
    for (const bad of ["", "unknown", "127.1", "0x7f.0.0.1", "1.2.3.4.5", "example.com", "1.2.3.4, 5.6.7.8", null]) {
      expect(parseIpAddress(bad)).toBeNull();
    }
  });
});

describe("parseCidrList", () => {
  it("accepts networks and single addresses", () => {
    const ranges = parseCidrList("10.0.0.0/8, 192.0.2.7 ,2001:db8::/32,::1");
    expect(ranges.map(([a, bits]) => `${a.toString()}/${bits}`)).toEqual([
      "10.0.0.0/8",
      "192.0.2.7/32",
      "2001:db8::/32",
      "::1/128",
    ]);
    expect(parseCidrList("::ffff:10.0.0.0/104").map(([a, bits]) => `${a.toString()}/${bits}`)).toEqual(["10.0.0.0/8"]);
  });

  it("names the entry it cannot read", () => {
    expect(() => parseCidrList("10.0.0.0/8,10.0.0.0/33")).toThrow('"10.0.0.0/33" has a prefix outside 0-32');
    expect(() => parseCidrList("proxy.internal")).toThrow('"proxy.internal" is not an IP or CIDR');
    expect(() => parseCidrList("10.0.0.1:80")).toThrow("is not an IP or CIDR");
    expect(() => parseCidrList("10.0.0.0/8/1")).toThrow("is not an IP or CIDR");
    expect(() => parseCidrList("2001:db8::/129")).toThrow("outside 0-128");
  });
});

describe("resolveClientIp", () => {
  it("with no trusted proxy, is the socket address whatever the headers claim", () => {
    for (const forwardedFor of [undefined, "198.51.100.7", "198.51.100.7, 203.0.113.9", "garbage"]) {
      expect(resolveClientIp({ peer: "203.0.113.5", forwardedFor, realIp: "198.51.100.8", trustedProxies: none })).toBe(
        "203.0.113.5",
      );
    }
    expect(resolveClientIp({ peer: "::ffff:127.0.0.1", forwardedFor: "1.2.3.4", trustedProxies: none })).toBe(
      "127.0.0.1",
    );
  });

  it("from an untrusted peer, ignores the headers even when they name a trusted proxy", () => {
    expect(resolveClientIp({ peer: "203.0.113.5", forwardedFor: "10.0.0.1", trustedProxies: proxies })).toBe(
      "203.0.113.5",
    );
  });

  it("from a trusted peer, takes the right-most untrusted hop", () => {
    const resolve = (forwardedFor: string | string[]) =>
      resolveClientIp({ peer: "10.0.0.2", forwardedFor, trustedProxies: proxies });
    expect(resolve("198.51.100.7")).toBe("198.51.100.7");
    // The client wrote the first two; our proxies appended the rest.
    expect(resolve("1.1.1.1, 2.2.2.2, 198.51.100.7, 10.1.1.1, 10.0.0.9")).toBe("198.51.100.7");
    expect(resolve(["1.1.1.1, 198.51.100.7", "10.1.1.1"])).toBe("198.51.100.7");
    expect(resolve("[2001:db8:1::5]:1234, 2001:db8:ffff::1")).toBe("2001:db8:1::5");
    // A hop that is not an address: stop at the nearest trusted one.
    expect(resolve("198.51.100.7, not-an-ip, 10.1.1.1")).toBe("10.1.1.1");
    expect(resolve("not-an-ip")).toBe("10.0.0.2");
    // Every hop trusted (a call from inside the proxy network): the left-most.
    expect(resolve("10.3.3.3, 10.1.1.1")).toBe("10.3.3.3");
  });

  it("believes X-Real-IP only from a trusted peer that sent no X-Forwarded-For", () => {
    expect(resolveClientIp({ peer: "10.0.0.2", realIp: "198.51.100.8", trustedProxies: proxies })).toBe("198.51.100.8");
    expect(
      resolveClientIp({ peer: "10.0.0.2", forwardedFor: "198.51.100.7", realIp: "1.1.1.1", trustedProxies: proxies }),
    ).toBe("198.51.100.7");
    expect(resolveClientIp({ peer: "203.0.113.5", realIp: "198.51.100.8", trustedProxies: proxies })).toBe(
      "203.0.113.5",
    );
  });

  it("is null without a usable socket address", () => {
    expect(resolveClientIp({ peer: undefined, forwardedFor: "198.51.100.7", trustedProxies: proxies })).toBeNull();
  });
});

describe("clientBucket", () => {
  it("keys IPv4 by address and IPv6 by its /64", () => {
    expect(clientBucket("198.51.100.7")).toBe("198.51.100.7");
    expect(clientBucket("2001:db8:1:2:aaaa::1")).toBe(clientBucket("2001:db8:1:2:bbbb::9"));
    expect(clientBucket("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(clientBucket("2001:db8:1:3::1")).not.toBe(clientBucket("2001:db8:1:2::1"));
    expect(clientBucket("unknown")).toBe("unknown");
  });
});

describe("the request hook on a real HTTP server", () => {
  let base = "";
  let lastHeaders: IncomingHttpHeaders = {};
  const server = createServer((req, res) => {
    lastHeaders = req.headers;
    res.end();
  });
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** What a route handler would see: the stamped header, through the Headers the Request carries. */
  async function seen(headers: Record<string, string>) {
    await fetch(base, { headers });
    const asRequest = new Headers(Object.entries(lastHeaders).map(([k, v]) => [k, String(v)]));
    return { ip: clientIp(asRequest), bucket: clientIpBucket(asRequest) };
  }

  it("with no trusted proxy, forged X-Forwarded-For and X-Real-IP do not change the client", async () => {
    installClientAddressHook(none);
    const forged = await Promise.all(
      ["198.51.100.1", "198.51.100.2", "10.0.0.1, 198.51.100.3"].map((xff) =>
        seen({ "x-forwarded-for": xff, "x-real-ip": "203.0.113.77" }),
      ),
    );
    expect(forged.map((s) => s.ip)).toEqual(["127.0.0.1", "127.0.0.1", "127.0.0.1"]);
    expect((await seen({})).ip).toBe("127.0.0.1");
  });

  it("with TRUSTED_PROXIES=127.0.0.1/32, the hop the proxy appended is the client", async () => {
    installClientAddressHook(loopback);
    expect((await seen({ "x-forwarded-for": "198.51.100.1" })).ip).toBe("198.51.100.1");
    expect((await seen({ "x-forwarded-for": "6.6.6.6, 198.51.100.2" })).ip).toBe("198.51.100.2");
    expect((await seen({})).ip).toBe("127.0.0.1");
    installClientAddressHook(none);
  });

  it("a client cannot send the stamped header itself", async () => {
    installClientAddressHook(none);
    expect((await seen({ [clientIpHeader()]: "198.51.100.9" })).ip).toBe("127.0.0.1");
    // A request that never went through the hook (no stamp) is the shared unknown bucket.
    expect(clientIp(new Headers({ "x-forwarded-for": "198.51.100.9" }))).toBe("unknown");
  });
});
