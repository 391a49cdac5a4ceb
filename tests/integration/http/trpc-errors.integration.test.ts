import { request as httpRequest } from "node:http";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { POST as trpcRoute } from "@/app/api/trpc/[trpc]/route";
import { db } from "@/server/db";
import { DOMAIN_ERRORS, DomainError, INTERNAL_ERROR_MESSAGE, type DomainErrorCode } from "@/server/errors";
import { handle } from "@/server/http/handle";
import { currentRequestId, logger } from "@/server/logger";
import {
  createCallerFactory,
  createTRPCContext,
  createTRPCRouter,
  publicProcedure,
  TRPC_CODE_OF_KIND,
} from "@/server/trpc/init";
import { serveFetchHandler } from "../../support/serve-fetch-handler";
import { ownerWithOrg, signInHeaders } from "../../support/factories";

/**
 * The tRPC door's one error mapping (server/trpc/init.ts), on a router built
 * from the same init as the app's (so the same middleware and formatter),
 * and the app's real /api/trpc route over HTTP for the body cap.
 */
const CODES = Object.keys(DOMAIN_ERRORS) as DomainErrorCode[];
const LEAK = /prisma|invocation|node_modules|\/work\/|findFirst|0x00|\.ts:\d+/i;

const testRouter = createTRPCRouter({
  refuse: publicProcedure
    .input(z.object({ code: z.enum(CODES as [DomainErrorCode, ...DomainErrorCode[]]) }))
    .query(({ input }) => {
      throw new DomainError(input.code, `Refused: ${input.code}.`, { cap: 10 });
    }),
  // A real Prisma failure: Postgres refuses a NUL byte in a text parameter, and
  // Prisma's message names this file, quotes the call and the database error.
  boom: publicProcedure.query(() => db.agent.findFirst({ where: { slug: "a\u0000b" }, select: { id: true } })),
  // Our own bug of another kind: the output check fails on a value we must not show.
  badOutput: publicProcedure.output(z.object({ n: z.number() })).query(() => ({ n: "secret-column-value" }) as never),
});
const testCaller = createCallerFactory(testRouter)({ headers: new Headers(), requestId: undefined, session: null });

/** The test router behind the same handle() + fetchRequestHandler wiring as app/api/trpc. */
const testEndpoint = handle((request: Request) =>
  fetchRequestHandler({
    endpoint: "/api/trpc",
    req: request,
    router: testRouter,
    createContext: () => createTRPCContext({ headers: request.headers, requestId: currentRequestId() }),
  }),
);

let testServer: Awaited<ReturnType<typeof serveFetchHandler>>;
let appServer: Awaited<ReturnType<typeof serveFetchHandler>>;
beforeAll(async () => {
  testServer = await serveFetchHandler((request) => testEndpoint(request, undefined));
  appServer = await serveFetchHandler((request) => trpcRoute(request, undefined));
});
afterAll(async () => {
  await testServer.close();
  await appServer.close();
});

type ErrorBody = {
  error: {
    json: {
      message: string;
      data: { code: string; httpStatus: number; domainCode: string | null; requestId: string | null } & Record<
        string,
        unknown
      >;
    };
  };
};

async function getJson(base: string, path: string, input?: unknown) {
  const query = input === undefined ? "" : `?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;
  const response = await fetch(`${base}/api/trpc/${path}${query}`);
  return { response, text: await response.text() };
}

describe("DomainError to tRPC, in one place", () => {
  it("maps every code to its kind's tRPC code, with the sentence, domainCode and details", async () => {
    for (const code of CODES) {
      const expected = TRPC_CODE_OF_KIND[DOMAIN_ERRORS[code]];
      await expect(testCaller.refuse({ code })).rejects.toMatchObject({ code: expected, message: `Refused: ${code}.` });

      const { response, text } = await getJson(testServer.url, "refuse", { code });
      const body = JSON.parse(text) as ErrorBody;
      expect(body.error.json.data).toMatchObject({ code: expected, domainCode: code, details: { cap: 10 } });
      expect(response.status).toBe(body.error.json.data.httpStatus);
    }
  });

  it("answers the HTTP statuses the README documents for each kind", () => {
    expect(TRPC_CODE_OF_KIND).toEqual({
      invalid_input: "BAD_REQUEST",
      unauthenticated: "UNAUTHORIZED",
      forbidden: "FORBIDDEN",
      not_found: "NOT_FOUND",
      conflict: "CONFLICT",
      precondition_failed: "PRECONDITION_FAILED",
      payment_required: "PAYMENT_REQUIRED",
      rate_limited: "TOO_MANY_REQUESTS",
      unavailable: "SERVICE_UNAVAILABLE",
    });
  });
});

describe("unexpected errors never leak", () => {
  it("answers a real Prisma failure with the generic sentence and logs the details", async () => {
    const logged = vi.spyOn(logger, "error");
    const error = await testCaller.boom().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "INTERNAL_SERVER_ERROR", message: INTERNAL_ERROR_MESSAGE });
    // The original stays the cause, for the log only.
    expect(String((error as Error).cause)).toMatch(/invocation/);

    const { response, text } = await getJson(testServer.url, "boom");
    expect(response.status).toBe(500);
    expect(text).not.toMatch(LEAK);
    const body = JSON.parse(text) as ErrorBody;
    expect(body.error.json.message).toBe(INTERNAL_ERROR_MESSAGE);
    expect(body.error.json.data.requestId).toBe(response.headers.get("x-request-id"));
    expect(body.error.json.data.stack ?? null).toBeNull();
    // The details went to the log instead.
    expect(logged).toHaveBeenCalledWith(
      expect.objectContaining({
        path: "boom",
        err: expect.objectContaining({ message: expect.stringContaining("0x00") }),
      }),
      "tRPC procedure failed",
    );
    logged.mockRestore();
  });

  it("hides an output check failure (our bug) and its values", async () => {
    const { response, text } = await getJson(testServer.url, "badOutput");
    expect(response.status).toBe(500);
    expect(text).not.toContain("secret-column-value");
    expect((JSON.parse(text) as ErrorBody).error.json.data.zodError).toBeNull();
  });

  it("keeps input problems as a 400 with the fields for forms", async () => {
    const { response, text } = await getJson(testServer.url, "refuse", { code: "no_such_code" });
    expect(response.status).toBe(400);
    const body = JSON.parse(text) as ErrorBody;
    expect(body.error.json.data.zodError).toMatchObject({ fieldErrors: { code: [expect.any(String)] } });
  });
});

describe("the app's /api/trpc route", () => {
  const big = (bytes: number) => JSON.stringify({ json: { orgId: "x", name: "n".repeat(bytes) } });

  it("answers malformed JSON and a missing session as 4xx", async () => {
    const garbage = await fetch(`${appServer.url}/api/trpc/orgs.listMine?input=%7Bnot-json`);
    expect(garbage.status).toBe(400);
    const anonymous = await fetch(`${appServer.url}/api/trpc/orgs.listMine`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as ErrorBody).error.json.data.domainCode).toBe("unauthenticated");
  });

  it("caps the body at 1 MB by Content-Length with a 413 in tRPC's shape", async () => {
    for (const path of ["apiKeys.create", "tasks.start"]) {
      const response = await fetch(`${appServer.url}/api/trpc/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: big(1_100_000),
      });
      expect(response.status, path).toBe(413);
      const body = (await response.json()) as ErrorBody;
      expect(body.error.json.data).toMatchObject({ code: "PAYLOAD_TOO_LARGE", httpStatus: 413 });
      expect(body.error.json.message).toContain("1 MB");
    }
  });

  it("caps a streamed body that announces no length", async () => {
    const { status, text } = await chunkedPost(`${appServer.url}/api/trpc/apiKeys.create`, big(1_500_000));
    expect(status).toBe(413);
    expect((JSON.parse(text) as ErrorBody).error.json.data.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("lets a normal body through to the procedure", async () => {
    const { user, org } = await ownerWithOrg();
    const headers = await signInHeaders(user.email);
    const response = await fetch(`${appServer.url}/api/trpc/apiKeys.create`, {
      method: "POST",
      headers: { cookie: headers.get("cookie")!, "content-type": "application/json" },
      body: JSON.stringify(superjson.serialize({ orgId: org.id, name: "Capped but fine" })),
    });
    expect(response.status).toBe(200);
    const created = (await response.json()) as { result: { data: { json: { name: string } } } };
    expect(created.result.data.json.name).toBe("Capped but fine");
  });
});

/** A POST with Transfer-Encoding: chunked (no Content-Length), written in 64 KiB pieces. */
function chunkedPost(url: string, body: string): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: "POST", headers: { "content-type": "application/json" } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, text }));
    });
    // The server may answer and close before the whole body is written.
    req.on("error", (error) => ((error as { code?: string }).code === "EPIPE" ? undefined : reject(error)));
    const buffer = Buffer.from(body);
    let offset = 0;
    const writeMore = () => {
      while (offset < buffer.length) {
        const piece = buffer.subarray(offset, offset + 65_536);
        offset += piece.length;
        if (!req.write(piece)) return void req.once("drain", writeMore);
      }
      req.end();
    };
    writeMore();
  });
}
