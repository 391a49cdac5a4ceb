import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { createSafeFetch, UnsafeUrlError } from "@/server/net/safe-fetch";
import { readBody, startLocalServer, type LocalServer } from "../support/local-http";

let server: LocalServer;
let hits: string[] = [];

beforeAll(async () => {
  server = await startLocalServer((req, res) => {
    hits.push(req.url ?? "");
    const url = new URL(req.url ?? "/", "http://local");
    if (url.pathname === "/card")
      return void res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    if (url.pathname === "/hop") {
      const left = Number(url.searchParams.get("n"));
      return void res.writeHead(302, { location: left > 0 ? `/hop?n=${left - 1}` : "/card" }).end();
    }
    if (url.pathname === "/to")
      return void res.writeHead(302, { location: url.searchParams.get("target") ?? "/" }).end();
    if (url.pathname === "/post-307") return void res.writeHead(307, { location: "/echo" }).end();
    if (url.pathname === "/echo") {
      return void readBody(req).then((body) =>
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ method: req.method, body, auth: req.headers.authorization ?? null })),
      );
    }
    if (url.pathname === "/slow") return; // never answers
    if (url.pathname === "/drip") {
      res.writeHead(200, { "content-type": "text/plain" });
      res.write("first part ");
      return; // the body never ends
    }
    if (url.pathname === "/huge") {
      res.writeHead(200, { "content-type": "application/json" });
      const chunk = "x".repeat(64 * 1024);
      for (let i = 0; i < 5; i++) res.write(chunk); // 320 KiB, no content-length
      return void res.end();
    }
    if (url.pathname === "/huge-declared")
      return void res.writeHead(200, { "content-length": String(400 * 1024) }).end("x".repeat(400 * 1024));
    res.writeHead(404).end();
  });
});
afterAll(() => server.close());

/** Resolves `code` of the UnsafeUrlError the promise rejects with (`errorClass`: a freshly loaded module's). */
async function refusal(promise: Promise<unknown>, errorClass: typeof UnsafeUrlError = UnsafeUrlError): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(errorClass);
  expect((error as UnsafeUrlError).message.length).toBeGreaterThan(10);
  return (error as UnsafeUrlError).code;
}

const fakeDns = (table: Record<string, string>) => async (host: string) => {
  const address = table[host];
  if (!address) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
  return [{ address, family: address.includes(":") ? 6 : 4 }];
};

describe("safe fetch: addresses", () => {
  const strict = createSafeFetch({ allowHosts: [] });

  it.each([
    ["loopback", "http://127.0.0.1/"],
    ["loopback, other 127/8", "http://127.1.2.3/"],
    ["private 10/8", "http://10.0.0.1/"],
    ["private 172.16/12", "http://172.16.5.4/"],
    ["private 192.168/16", "http://192.168.1.1/"],
    ["link-local", "http://169.254.10.10/"],
    ["AWS/GCP/Azure metadata", "http://169.254.169.254/latest/meta-data/"],
    ["carrier-grade NAT", "http://100.64.0.1/"],
    ["this-network 0/8", "http://0.0.0.0/"],
    ["multicast", "http://224.0.0.1/"],
    ["broadcast", "http://255.255.255.255/"],
    ["decimal-encoded loopback", "http://2130706433/"],
    ["hex-encoded loopback", "http://0x7f.0.0.1/"],
    ["IPv6 loopback", "http://[::1]/"],
    ["IPv6 unspecified", "http://[::]/"],
    ["IPv6 link-local", "http://[fe80::1]/"],
    ["IPv6 unique-local", "http://[fc00::1]/"],
    ["IPv6 EC2 metadata", "http://[fd00:ec2::254]/"],
    ["IPv6 multicast", "http://[ff02::1]/"],
    ["IPv4-mapped loopback", "http://[::ffff:127.0.0.1]/"],
    ["IPv4-mapped private", "http://[::ffff:10.0.0.1]/"],
    ["IPv4-mapped metadata (hex form)", "http://[::ffff:a9fe:a9fe]/"],
    ["NAT64-embedded private", "http://[64:ff9b::a00:1]/"],
  ])("refuses %s before connecting", async (_label, url) => {
    expect(await refusal(strict(url))).toBe("private_address");
  });

  it("refuses a DNS name that resolves to 127.0.0.1, and would otherwise connect to exactly that address", async () => {
    const lookup = fakeDns({ "evil.example": "127.0.0.1" });
    const url = `http://evil.example:${server.port}/card`;
    hits = [];
    expect(await refusal(createSafeFetch({ lookup, allowHosts: [] })(url))).toBe("private_address");
    expect(hits).toEqual([]);
    // Allowlisting the name proves the refusal came from the resolved address
    // and that the socket goes to the address the lookup returned.
    const allowed = await createSafeFetch({ lookup, allowHosts: ["evil.example"] })(url);
    expect(await allowed.json()).toEqual({ ok: true });
  });

  it("refuses a name with any private address among its answers", async () => {
    const lookup = async () => [
      { address: "93.184.215.14", family: 4 },
      { address: "10.1.2.3", family: 4 },
    ];
    expect(await refusal(createSafeFetch({ lookup, allowHosts: [] })("http://mixed.example/"))).toBe("private_address");
  });

  it("reports a name that does not resolve", async () => {
    expect(await refusal(createSafeFetch({ lookup: fakeDns({}), allowHosts: [] })("http://nowhere.example/"))).toBe(
      "dns_failure",
    );
  });

  it("refuses localhost unless it is allowlisted", async () => {
    expect(await refusal(createSafeFetch({ allowHosts: [] })(`http://localhost:${server.port}/card`))).toBe(
      "private_address",
    );
  });

  it.each([
    "file:///etc/passwd",
    "ftp://example.com/x",
    "gopher://example.com/",
    "data:text/plain,hi",
    "javascript:alert(1)",
  ])("refuses the scheme of %s", async (url) => {
    expect(await refusal(createSafeFetch({ allowHosts: [] })(url))).toBe("bad_scheme");
  });

  it("refuses malformed URLs and embedded credentials", async () => {
    expect(await refusal(createSafeFetch()("not a url"))).toBe("bad_url");
    expect(
      await refusal(createSafeFetch({ allowHosts: ["127.0.0.1"] })(`http://user:pw@127.0.0.1:${server.port}/card`)),
    ).toBe("bad_url");
  });
});

describe("safe fetch: redirects, time and size", () => {
  const local = (opts: Parameters<typeof createSafeFetch>[0] = {}) =>
    createSafeFetch({ allowHosts: ["127.0.0.1"], ...opts });

  it("fetches from an allowlisted local host", async () => {
    const response = await local()(`${server.url}/card`);
    expect(response.status).toBe(200);
    expect(response.url).toBe(`${server.url}/card`);
    expect(await response.json()).toEqual({ ok: true });
  });

  it.each([
    ["a private IPv4 address", "http://10.0.0.1/"],
    ["the metadata service", "http://169.254.169.254/latest/meta-data/"],
    ["an IPv4-mapped loopback address", "http://[::ffff:127.0.0.1]/"],
    ["a private name", "http://localhost/"],
  ])("re-checks a redirect to %s and refuses it", async (_label, target) => {
    expect(await refusal(local()(`${server.url}/to?target=${encodeURIComponent(target)}`))).toBe("private_address");
  });

  it("re-checks the scheme of a redirect", async () => {
    expect(await refusal(local()(`${server.url}/to?target=${encodeURIComponent("file:///etc/passwd")}`))).toBe(
      "bad_scheme",
    );
  });

  it("follows 3 redirects and refuses a 4th", async () => {
    expect((await local()(`${server.url}/hop?n=2`)).status).toBe(200); // 3 hops
    expect(await refusal(local()(`${server.url}/hop?n=3`))).toBe("too_many_redirects");
  });

  it("keeps method and body on 307, and drops credentials across origins", async () => {
    const kept = await local()(`${server.url}/post-307`, {
      method: "POST",
      body: '{"a":1}',
      headers: { authorization: "Bearer t" },
    });
    expect(await kept.json()).toEqual({ method: "POST", body: '{"a":1}', auth: "Bearer t" });
    const lookup = fakeDns({ "other.test": "127.0.0.1" });
    const crossOrigin = createSafeFetch({ lookup, allowHosts: ["127.0.0.1", "other.test"] });
    const target = `http://other.test:${server.port}/echo`;
    const moved = await crossOrigin(`${server.url}/to?target=${encodeURIComponent(target)}`, {
      headers: { authorization: "Bearer t" },
    });
    expect(await moved.json()).toMatchObject({ method: "GET", auth: null });
  });

  it("times out a server that never answers", async () => {
    const started = Date.now();
    expect(await refusal(local({ timeoutMs: 300 })(`${server.url}/slow`))).toBe("timeout");
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("times out a body that never ends", async () => {
    const response = await local({ timeoutMs: 300 })(`${server.url}/drip`);
    expect(await refusal(response.text())).toBe("timeout");
  });

  it("uses 5 seconds by default", async () => {
    const started = Date.now();
    expect(await refusal(local()(`${server.url}/slow`))).toBe("timeout");
    expect(Date.now() - started).toBeGreaterThanOrEqual(4_900);
  }, 10_000);

  it("caps the body at 256 KiB, declared or not", async () => {
    expect(await refusal(local()(`${server.url}/huge-declared`))).toBe("too_large");
    const streamed = await local()(`${server.url}/huge`);
    expect(await refusal(streamed.text())).toBe("too_large");
    const uncapped = await local({ maxBodyBytes: null })(`${server.url}/huge`);
    expect((await uncapped.text()).length).toBe(320 * 1024);
  });

  it("reports a refused connection in plain words", async () => {
    const closed = await startLocalServer(() => undefined);
    await closed.close();
    expect(await refusal(local()(closed.url))).toBe("connection_failed");
  });
});

describe("safe fetch: the allowlist matches host and port", () => {
  let other: LocalServer;
  let otherHits = 0;
  beforeAll(async () => {
    other = await startLocalServer((_req, res) => {
      otherHits++;
      res.writeHead(200, { "content-type": "application/json" }).end('{"other":true}');
    });
  });
  afterAll(() => other.close());

  it("host:port opens that port only, for IP literals and for names", async () => {
    const lookup = fakeDns({ "agents.test": "127.0.0.1" });
    const onePort = createSafeFetch({ lookup, allowHosts: [`127.0.0.1:${server.port}`, `agents.test:${server.port}`] });
    expect(await (await onePort(`http://127.0.0.1:${server.port}/card`)).json()).toEqual({ ok: true });
    expect(await (await onePort(`http://agents.test:${server.port}/card`)).json()).toEqual({ ok: true });
    otherHits = 0;
    expect(await refusal(onePort(`http://127.0.0.1:${other.port}/`))).toBe("private_address");
    expect(await refusal(onePort(`http://agents.test:${other.port}/`))).toBe("private_address");
    // Nor through a redirect from the allowed port to another one.
    const bounce = `http://127.0.0.1:${server.port}/to?target=${encodeURIComponent(`http://127.0.0.1:${other.port}/`)}`;
    expect(await refusal(onePort(bounce))).toBe("private_address");
    expect(otherHits).toBe(0);
  });

  it("host:* and a bare host open every port", async () => {
    for (const entry of ["127.0.0.1:*", "127.0.0.1"]) {
      const anyPort = createSafeFetch({ allowHosts: [entry] });
      expect(await (await anyPort(`http://127.0.0.1:${other.port}/`)).json()).toEqual({ other: true });
      expect(await (await anyPort(`http://127.0.0.1:${server.port}/card`)).json()).toEqual({ ok: true });
    }
  });

  it("an entry that does not parse is refused when the environment is read", async () => {
    const { parseAllowHosts } = await import("@/server/net/allow-hosts");
    expect(parseAllowHosts("localhost:3000, [::1]:*, ::1, Example.COM")).toEqual([
      { host: "localhost", port: 3000 },
      { host: "::1", port: null },
      { host: "::1", port: null },
      { host: "example.com", port: null },
    ]);
    expect(() => parseAllowHosts("127.0.0.1:99999")).toThrow('"127.0.0.1:99999" has a port outside 1-65535');
    expect(() => parseAllowHosts("127.0.0.1:http")).toThrow("has a port outside");
    expect(() => parseAllowHosts("http://localhost:3000")).toThrow("is not a host, host:port or host:*");
  });

  describe("default outside production (OUTBOUND_ALLOW_HOSTS unset)", () => {
    afterEach(() => {
      vi.unstubAllEnvs();
      vi.resetModules();
    });

    /** safe-fetch.ts as a process with this environment would load it. */
    async function freshModule(env: Record<string, string>) {
      for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
      vi.resetModules();
      return import("@/server/net/safe-fetch");
    }

    it("allows APP_URL's own host and port, and no other port of that machine", async () => {
      const appUrl = `http://127.0.0.1:${server.port}`;
      const {
        createSafeFetch: fresh,
        checkFetchableUrl,
        UnsafeUrlError: Refusal,
      } = await freshModule({
        NODE_ENV: "development",
        APP_URL: appUrl,
        OUTBOUND_ALLOW_HOSTS: "",
      });
      const fetchDefault = fresh();
      expect(await (await fetchDefault(`${appUrl}/card`)).json()).toEqual({ ok: true });
      otherHits = 0;
      expect(await refusal(fetchDefault(`http://127.0.0.1:${other.port}/`), Refusal)).toBe("private_address");
      expect(await refusal(fetchDefault(`http://localhost:${server.port}/card`), Refusal)).toBe("private_address");
      expect(otherHits).toBe(0);
      expect(checkFetchableUrl(`${appUrl}/api/demo-agents/x`).port).toBe(String(server.port));
      expect(() => checkFetchableUrl(`http://127.0.0.1:${other.port}/`)).toThrow(/private or reserved/);
    });

    it("allows nothing private in production", async () => {
      const { createSafeFetch: fresh, UnsafeUrlError: Refusal } = await freshModule({
        NODE_ENV: "production",
        APP_URL: `http://127.0.0.1:${server.port}`,
        OUTBOUND_ALLOW_HOSTS: "",
        BETTER_AUTH_SECRET: "x".repeat(40),
      });
      expect(await refusal(fresh()(`http://127.0.0.1:${server.port}/card`), Refusal)).toBe("private_address");
    });
  });
});
