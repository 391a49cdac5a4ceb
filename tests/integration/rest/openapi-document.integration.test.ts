import { describe, expect, it } from "vitest";
import type { NextRouteHandler } from "@/server/rest/next-route";
import { apiV1Routes } from "../../support/openapi";
import { emptyBucket, freshIp, ipBucket, useApiV1 } from "./rest-support";

/**
 * GET /api/v1/openapi.json, served by the app: a valid OpenAPI 3.1 document
 * (checked by the OpenAPI validator in OpenApiContract.fetch) that names
 * exactly the operations the route files export, with the API-key bearer
 * scheme and each operation's scope.
 */
const api = useApiV1();
type Doc = {
  openapi: string;
  servers: { url: string }[];
  paths: Record<string, Record<string, { operationId: string; security: Record<string, string[]>[] }>>;
  components: { securitySchemes: Record<string, unknown> };
};

describe("the OpenAPI document", () => {
  it("is OpenAPI 3.1 for the app's own URL, with the API key as a bearer scheme", () => {
    const doc = api.contract.document as Doc;
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: process.env.APP_URL }]);
    expect(doc.components.securitySchemes).toEqual({
      apiKey: { type: "http", scheme: "bearer", description: expect.any(String) },
    });
  });

  it("describes every app/api/v1 route file and method, and nothing else", async () => {
    const { files } = await apiV1Routes();
    const fromFiles = files.flatMap((f) => f.methods.map((m) => `${m} ${f.path}`)).sort();
    expect(fromFiles.length).toBeGreaterThanOrEqual(6);
    expect(api.contract.operations().sort()).toEqual(fromFiles);
    // Each exported handler is the one generated from the declaration the document shows.
    const doc = api.contract.document as Doc;
    for (const file of files) {
      for (const method of file.methods) {
        const { route } = file.exports[method.toUpperCase()] as NextRouteHandler;
        expect(route.path, file.path).toBe(file.path);
        expect(doc.paths[file.path]![method]!.operationId).toBe(route.operationId);
      }
    }
  });

  it("names the scope of each key operation, and no security on public ones", () => {
    const doc = api.contract.document as Doc;
    const security = (path: string) => doc.paths[path]!.get!.security;
    expect(security("/api/v1/events")).toEqual([{ apiKey: ["events:read"] }]);
    expect(security("/api/v1/events/stream")).toEqual([{ apiKey: ["events:read"] }]);
    expect(security("/api/v1/whoami")).toEqual([{ apiKey: [] }]);
    for (const path of ["/api/v1/agents", "/api/v1/agents/{slug}", "/api/v1/openapi.json"])
      expect(security(path), path).toEqual([]);
  });

  it("is public and rate limited like every answer", async () => {
    const ip = freshIp();
    const response = await api.call("/api/v1/openapi.json", { ip });
    expect(response.headers.get("x-ratelimit-limit")).toBe("60");
    expect(await api.contract.check(response)).toMatchObject({ openapi: "3.1.0" });
    await emptyBucket(ipBucket("api-v1-openapi", ip));
    const refused = await api.call("/api/v1/openapi.json", { ip });
    expect(refused.status).toBe(429);
    expect(await api.contract.check(refused)).toMatchObject({ error: { code: "rate_limited" } });
  });

  it("is checked for real: answers that break it are refused", async () => {
    const headers = { "content-type": "application/json", "x-ratelimit-limit": "60", "x-ratelimit-remaining": "1" };
    const answer = (body: unknown, status = 200, h: Record<string, string> = headers) =>
      api.contract.check(new Response(JSON.stringify(body), { status, headers: { "x-request-id": "r", ...h } }), {
        path: "/api/v1/agents",
      });
    const page = { agents: [], nextCursor: null, sort: "popularity" };
    await expect(answer(page)).resolves.toEqual(page);
    await expect(answer({ ...page, sort: "newest" })).rejects.toThrow(/does not match/);
    await expect(answer({ ...page, extra: 1 })).rejects.toThrow(/additional properties/);
    await expect(answer(page, 418)).rejects.toThrow(/does not declare/);
    await expect(answer(page, 200, { "content-type": "application/json" })).rejects.toThrow(/lacks header/);
    await expect(answer({ error: { code: 1, message: "x" } }, 400)).rejects.toThrow(/does not match/);
  });
});
