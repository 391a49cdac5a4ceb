import { describe, expect, it } from "vitest";
import { appUrl } from "@/server/env";
import { foreignOriginProblem, mcpAllowedHosts, mcpAllowedOrigins } from "@/server/mcp/origin";
import type { McpPrincipal } from "@/server/mcp/principal";
import { mcpMessageId, sessionIdOf } from "@/server/mcp/session";

const request = (headers: Record<string, string>) => new Request(`${appUrl()}/api/mcp`, { method: "POST", headers });

describe("DNS rebinding protection", () => {
  const app = new URL(appUrl());
  const port = app.port ? `:${app.port}` : "";

  it("serves APP_URL's host and the localhost names on its port, from Bureau's origin or none", () => {
    expect(mcpAllowedHosts()).toEqual(
      expect.arrayContaining([app.host, `localhost${port}`, `127.0.0.1${port}`, `[::1]${port}`]),
    );
    expect(mcpAllowedOrigins()).toContain(app.origin);
    expect(foreignOriginProblem(request({ host: app.host }))).toBeNull();
    expect(foreignOriginProblem(request({ host: `127.0.0.1${port}`, origin: `http://127.0.0.1${port}` }))).toBeNull();
  });

  it("refuses another host, another port and another page's origin", () => {
    expect(foreignOriginProblem(request({ host: "evil.example.com" }))).toMatch(/Invalid Host header/);
    expect(foreignOriginProblem(request({ host: "localhost:1" }))).toMatch(/Invalid Host header/);
    expect(foreignOriginProblem(request({ host: app.host, origin: "http://evil.example.com" }))).toMatch(
      /Invalid Origin header/,
    );
    expect(foreignOriginProblem(request({ host: app.host, origin: "null" }))).toMatch(/Invalid Origin header/);
  });
});

describe("session ids and the messageIds of the work a request starts", () => {
  const key: McpPrincipal = { kind: "apiKey", orgId: "org-1", keyId: "key-1", keyName: "k", scopes: ["mcp:use"] };
  const other: McpPrincipal = { ...key, keyId: "key-2" };
  const session = "0b7d6d4e-1f2a-4b3c-8d4e-5f6a7b8c9d0e";

  it("gives the same request of the same caller and session the same messageId, any other a different one", () => {
    const id = mcpMessageId(key, session, 7);
    expect(id).toMatch(/^mcp-[\w-]{40}$/);
    expect(mcpMessageId(key, session, 7)).toBe(id);
    expect(mcpMessageId(key, session, 8)).not.toBe(id);
    expect(mcpMessageId(key, session, "7")).not.toBe(id);
    expect(mcpMessageId(other, session, 7)).not.toBe(id);
    expect(mcpMessageId(key, "1b7d6d4e-1f2a-4b3c-8d4e-5f6a7b8c9d0e", 7)).not.toBe(id);
    // Without a session nothing names the request: a fresh id each time.
    expect(mcpMessageId(key, null, 7)).not.toBe(mcpMessageId(key, null, 7));
  });

  it("reads only session ids Bureau could have issued", () => {
    expect(sessionIdOf(request({ "mcp-session-id": session }))).toBe(session);
    expect(sessionIdOf(request({ "mcp-session-id": "not-a-session" }))).toBeNull();
    expect(sessionIdOf(request({}))).toBeNull();
  });
});
