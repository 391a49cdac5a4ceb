import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getAgentRoute } from "@/app/api/v1/agents/[slug]/route";
import { GET as listAgentsRoute } from "@/app/api/v1/agents/route";
import { db } from "@/server/db";
import { DOMAIN_ERRORS, DomainError, INTERNAL_ERROR_MESSAGE, type DomainErrorCode } from "@/server/errors";
import { HTTP_STATUS_OF_KIND } from "@/server/http/handle";
import { restRoute } from "@/server/http/rest";
import { logger } from "@/server/logger";
import { serveFetchHandler } from "../../support/serve-fetch-handler";
import { unique } from "../../support/factories";

/**
 * The REST door (server/http/handle.ts + rest.ts): one error shape,
 * `{ "error": { "code", "message" } }`, the kind's status for a DomainError,
 * a generic 500 with the request id for anything else, and the 1 MB body cap.
 */
const LEAK = /prisma|invocation|node_modules|\/work\/|findFirst|0x00|\.ts:\d+/i;

type ErrorBody = { error: { code: string; message: string; requestId?: string } };

const get = (path: string) => new Request(`http://localhost${path}`);
/** Direct calls share one client bucket of the catalog's 60/min: start each test with it full. */
const refillCatalogBuckets = () => db.rateLimitBucket.deleteMany({ where: { key: { startsWith: "catalog:" } } });
const slugParams = (slug: string) => ({ params: Promise.resolve({ slug }) });

/** A v1-style route built with the same helper every /api/v1 route uses. */
const probe = restRoute(async (request: Request, _context: unknown, answer) => {
  answer.headers.set("x-ratelimit-limit", "60");
  const url = new URL(request.url);
  const code = url.searchParams.get("refuse") as DomainErrorCode | null;
  if (code) throw new DomainError(code, `Refused: ${code}.`);
  if (url.searchParams.has("boom")) {
    // A real Prisma failure (Postgres refuses a NUL byte in a text parameter).
    await db.agent.findFirst({ where: { slug: "a\u0000b" }, select: { id: true } });
  }
  const body = request.body ? new Uint8Array(await request.arrayBuffer()) : new Uint8Array();
  return Response.json({ bytes: body.byteLength, last: body.at(-1) ?? null });
});

let server: Awaited<ReturnType<typeof serveFetchHandler>>;
beforeAll(async () => {
  server = await serveFetchHandler((request) => probe(request, undefined));
});
afterAll(() => server.close());

describe("REST error shape", () => {
  it("answers every DomainError code with its kind's status, code, sentence and request id", async () => {
    for (const code of Object.keys(DOMAIN_ERRORS) as DomainErrorCode[]) {
      const response = await probe(get(`/api/v1/probe?refuse=${code}`), undefined);
      expect(response.status, code).toBe(HTTP_STATUS_OF_KIND[DOMAIN_ERRORS[code]]);
      const body = (await response.json()) as ErrorBody;
      expect(body).toEqual({ error: { code, message: `Refused: ${code}.` } });
      expect(response.headers.get("x-request-id")).toEqual(expect.any(String));
      // The handler's headers (rate limits) are on error answers too.
      expect(response.headers.get("x-ratelimit-limit")).toBe("60");
      expect(response.headers.get("retry-after"), code).toBe(code === "rate_limited" ? "60" : null);
    }
    expect(HTTP_STATUS_OF_KIND).toEqual({
      invalid_input: 400,
      unauthenticated: 401,
      forbidden: 403,
      not_found: 404,
      conflict: 409,
      precondition_failed: 412,
      payment_required: 402,
      rate_limited: 429,
      unavailable: 503,
    });
  });

  it("answers a real internal error with the generic sentence and request id, never Prisma's message", async () => {
    const logged = vi.spyOn(logger, "error");
    const response = await probe(get("/api/v1/probe?boom"), undefined);
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toMatch(LEAK);
    expect(JSON.parse(text)).toEqual({
      error: {
        code: "internal_error",
        message: INTERNAL_ERROR_MESSAGE,
        requestId: response.headers.get("x-request-id"),
      },
    });
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({ err: expect.objectContaining({ message: expect.stringMatching(/invocation/) }) }),
      "unhandled error",
    );
    logged.mockRestore();
  });

  it("gives /api/v1/agents parameter problems, crafted cursors and NUL bytes a 400 invalid_input", async () => {
    await refillCatalogBuckets();
    const cursor = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
    for (const query of [
      "minPrice=abc&streaming=maybe",
      "q=analyst%00",
      `cursor=${cursor({ s: "popularity", v: 1.5, id: "x" })}`,
      `cursor=${cursor({ s: "popularity", v: 1, id: "a\u0000" })}`,
      "cursor=%7B%22lt%22%3A1%7D",
      `q=${"x".repeat(300)}`,
      "limit=1e400",
      "category=%00",
    ]) {
      const response = await listAgentsRoute(get(`/api/v1/agents?${query}`), undefined);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as ErrorBody;
      expect(body.error, query).toMatchObject({ code: "invalid_input", message: expect.any(String) });
      expect(response.headers.get("x-ratelimit-limit"), query).toBe("60");
    }
  });

  it("answers unknown or impossible slugs with 404 agent_not_found", async () => {
    await refillCatalogBuckets();
    for (const slug of [`no-such-${unique()}`, "agent\0", "%00", "a\uD800", "x".repeat(5000)]) {
      const response = await getAgentRoute(get("/api/v1/agents/x"), slugParams(slug));
      expect(response.status, slug).toBe(404);
      expect(((await response.json()) as ErrorBody).error.code).toBe("agent_not_found");
    }
  });
});

describe("REST body cap", () => {
  it("passes a body under 1 MB to the handler intact", async () => {
    const response = await fetch(`${server.url}/api/v1/probe`, { method: "POST", body: "a".repeat(999_999) + "z" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ bytes: 1_000_000, last: "z".charCodeAt(0) });
  });

  it("answers 413 payload_too_large on Content-Length", async () => {
    const response = await fetch(`${server.url}/api/v1/probe`, { method: "POST", body: "a".repeat(1_000_001) });
    expect(response.status).toBe(413);
    expect(((await response.json()) as ErrorBody).error).toEqual({
      code: "payload_too_large",
      message: "The request body is larger than 1 MB.",
    });
  });

  it("answers 413 for a streamed body without Content-Length once it passes 1 MB", async () => {
    const { status, text } = await chunkedPost(`${server.url}/api/v1/probe`, Buffer.alloc(3_000_000, 97));
    expect(status).toBe(413);
    expect((JSON.parse(text) as ErrorBody).error.code).toBe("payload_too_large");
  });
});

/** A POST with Transfer-Encoding: chunked (no Content-Length), written in 64 KiB pieces. */
function chunkedPost(url: string, body: Buffer): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: "POST" }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    // The server may answer and close before the whole body is written.
    req.on("error", (error) => ((error as { code?: string }).code === "EPIPE" ? undefined : reject(error)));
    let offset = 0;
    const writeMore = () => {
      while (offset < body.length) {
        const piece = body.subarray(offset, offset + 65_536);
        offset += piece.length;
        if (!req.write(piece)) return void req.once("drain", writeMore);
      }
      req.end();
    };
    writeMore();
  });
}
