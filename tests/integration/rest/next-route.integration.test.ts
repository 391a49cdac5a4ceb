import { describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { INTERNAL_ERROR_MESSAGE } from "@/server/errors";
import { logger } from "@/server/logger";
import { clientIpHeader } from "@/server/net/client-address";
import { nextRoute } from "@/server/rest/next-route";
import { buildV1Document } from "@/server/rest/openapi/document";
import { defineRoute } from "@/server/rest/route";
import { freshIp } from "./rest-support";

/**
 * The door every /api/v1 route is generated through (server/rest), on a
 * route declared here the way a workflow route would be: a path parameter,
 * a header, a JSON body, and an answer checked against its schema.
 */
const ZBodySchema = z.object({ input: z.object({ topic: z.string().max(20) }) });
const route = defineRoute({
  method: "post",
  path: "/api/v1/probes/{id}/runs",
  operationId: "startProbeRun",
  summary: "A probe",
  tag: "Probes",
  access: { kind: "public", rateLimit: { scope: `probe-${Math.random()}`, limit: 100, windowSeconds: 60 } },
  params: z.object({ id: z.string().regex(/^p\d+$/) }),
  headers: z.object({ "idempotency-key": z.string().min(8).optional() }),
  body: ZBodySchema,
  responses: { 201: { description: "Started.", schema: z.object({ runId: z.string(), topic: z.string() }) } },
  handler: ({ params, headers, body }) => {
    if (body.input.topic === "leak") return { status: 201, body: { runId: params.id, topic: 7 as unknown as string } };
    return {
      status: 201,
      body: { runId: `${params.id}:${headers["idempotency-key"] ?? "none"}`, topic: body.input.topic },
    };
  },
});
const POST = nextRoute(route);

const post = (id: string, body: string | null, headers: Record<string, string> = {}) =>
  POST(
    new Request(`http://localhost/api/v1/probes/${id}/runs`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", [clientIpHeader()]: freshIp(), ...headers },
    }),
    { params: Promise.resolve({ id }) },
  );
const json = async (response: Response) => ({ status: response.status, body: await response.json() });

describe("nextRoute", () => {
  it("parses the path, a header and the JSON body, and answers the declared status", async () => {
    const response = await post("p1", JSON.stringify({ input: { topic: "tides" } }), { "idempotency-key": "k-123456" });
    expect(await json(response)).toEqual({ status: 201, body: { runId: "p1:k-123456", topic: "tides" } });
    expect(response.headers.get("x-ratelimit-limit")).toBe("100");
  });

  it("refuses a bad body, header or content type with 400 naming the field, and a bad segment with 404", async () => {
    const ok = JSON.stringify({ input: { topic: "tides" } });
    for (const [response, message] of [
      [await post("p1", JSON.stringify({ input: { topic: "x".repeat(21) } })), /^input\.topic: /],
      [await post("p1", "{not json"), /not valid JSON/],
      [await post("p1", ok, { "content-type": "text/plain" }), /Content-Type: application\/json/],
      [await post("p1", ok, { "idempotency-key": "short" }), /^idempotency-key: /],
      [await post("p1", null), /Content-Type|not valid JSON/],
    ] as const) {
      expect(await json(response)).toMatchObject({ status: 400, body: { error: { code: "invalid_input", message } } });
    }
    expect(await json(await post("q1", ok))).toMatchObject({ status: 404, body: { error: { code: "not_found" } } });
  });

  it("never sends an answer that breaks its schema: a logged 500, still with the rate-limit headers", async () => {
    const logged = vi.spyOn(logger, "error");
    const response = await post("p1", JSON.stringify({ input: { topic: "leak" } }));
    expect(await json(response)).toMatchObject({
      status: 500,
      body: { error: { code: "internal_error", message: INTERNAL_ERROR_MESSAGE } },
    });
    expect(response.headers.get("x-ratelimit-remaining")).toEqual(expect.stringMatching(/^\d+$/));
    expect(logged).toHaveBeenCalledWith(expect.objectContaining({ path: "/api/v1/probes/p1/runs" }), "unhandled error");
    logged.mockRestore();
  });

  it("documents the route: parameters, body, the 201 and the refusals its declaration implies", () => {
    const doc = buildV1Document([route]) as {
      paths: Record<string, { post: { parameters: { in: string; name: string }[]; responses: object } }>;
    };
    const operation = doc.paths["/api/v1/probes/{id}/runs"]!.post;
    expect(operation.parameters.map((p) => `${p.in}:${p.name}`).sort()).toEqual(["header:idempotency-key", "path:id"]);
    expect(Object.keys(operation.responses).sort()).toEqual(["201", "400", "404", "413", "429", "500"]);
  });
});
