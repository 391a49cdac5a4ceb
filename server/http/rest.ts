import "server-only";
import type { z } from "zod";
import { DomainError } from "../errors";
import { BODY_TOO_LARGE_MESSAGE, readCappedBody } from "./body-limit";
import { handle, jsonError } from "./handle";

/** What a REST handler adds to every answer of its request, errors included (X-RateLimit-*). */
export interface RestAnswer {
  headers: Headers;
}

type RestHandler<C> = (request: Request, context: C, answer: RestAnswer) => Promise<Response> | Response;

/**
 * The /api/v1 door around one route handler (on top of handle()): a request
 * body is read up front, capped at 1 MB (413 on Content-Length or on the
 * bytes that actually arrive), and handed on buffered; a thrown DomainError
 * is answered `{ "error": { "code", "message" } }` with its kind's status;
 * the headers the handler put in `answer.headers` go on every answer, a 500
 * for an unexpected throw included.
 */
export function restRoute<C>(handler: RestHandler<C>): (request: Request, context: C) => Promise<Response> {
  const door = handle<{ context: C; answer: RestAnswer }>(async (request, { context, answer }) => {
    const buffered = await bufferBody(request);
    return buffered instanceof Response ? buffered : await handler(buffered, context, answer);
  });
  return async (request, context) => {
    const answer: RestAnswer = { headers: new Headers() };
    const response = await door(request, { context, answer });
    answer.headers.forEach((value, name) => {
      if (!response.headers.has(name)) response.headers.set(name, value);
    });
    return response;
  };
}

async function bufferBody(request: Request): Promise<Request | Response> {
  if (!request.body) return request;
  const body = await readCappedBody(request);
  if (body === "too_large")
    // The rest of the body may still be on the wire: this connection cannot be reused.
    return jsonError(413, "payload_too_large", BODY_TOO_LARGE_MESSAGE, { headers: { connection: "close" } });
  if (body === "unreadable") return jsonError(400, "invalid_input", "The request body could not be read.");
  return new Request(request.url, { method: request.method, headers: request.headers, body, signal: request.signal });
}

/** A REST parameter problem: "path: sentence; …", as one invalid_input refusal. */
export function invalidParams(error: z.ZodError, what = "query"): DomainError {
  const problems = error.issues.map((i) => `${i.path.join(".") || what}: ${i.message}`).join("; ");
  return new DomainError("invalid_input", problems);
}
