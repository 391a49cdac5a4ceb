import "server-only";
import { DomainError, INTERNAL_ERROR_MESSAGE, type DomainErrorKind } from "../errors";
import { logger, requestIdFrom, withRequestId } from "../logger";

type Handler<C> = (request: Request, context: C) => Promise<Response> | Response;

/** The HTTP status of each domain error kind (REST and every other route handler). */
export const HTTP_STATUS_OF_KIND = {
  invalid_input: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  payment_required: 402,
  rate_limited: 429,
  unavailable: 503,
} as const satisfies Record<DomainErrorKind, number>;

/**
 * Wraps a route handler: binds a request id to every log line of the request,
 * echoes it as X-Request-Id, logs one line per request (method, path, status,
 * duration; never headers or bodies), answers a thrown DomainError with its
 * code, sentence and kind's status, and turns any other throw into a JSON
 * 500 with INTERNAL_ERROR_MESSAGE and the request id in the body (the error
 * itself goes to the log only).
 */
export function handle<C>(handler: Handler<C>): Handler<C> {
  return (request, context) => {
    const requestId = requestIdFrom(request.headers);
    return withRequestId(requestId, async () => {
      const started = performance.now();
      const path = new URL(request.url).pathname;
      let response: Response;
      try {
        response = await handler(request, context);
      } catch (error) {
        if (error instanceof DomainError) {
          response = domainErrorResponse(error);
        } else {
          logger.error({ err: error, method: request.method, path }, "unhandled error");
          // The request id lets support find the logged details.
          response = Response.json(
            { error: { code: "internal_error", message: INTERNAL_ERROR_MESSAGE, requestId } },
            { status: 500 },
          );
        }
      }
      response.headers.set("x-request-id", requestId);
      logger.info(
        { method: request.method, path, status: response.status, ms: Math.round(performance.now() - started) },
        "request",
      );
      return response;
    });
  };
}

/** `{ "error": { "code", "message" } }` (every answer also carries X-Request-Id). */
export function jsonError(status: number, code: string, message: string, init?: ResponseInit): Response {
  return Response.json({ error: { code, message } }, { ...init, status });
}

/** The one mapping of a DomainError to an HTTP answer: its stable code and sentence, its kind's status. */
export function domainErrorResponse(error: DomainError, init?: ResponseInit): Response {
  const headers = new Headers(init?.headers);
  const retryAfter = error.details?.retryAfterSeconds;
  // A refusal that says when to come back says it the way HTTP clients read it.
  if (error.kind === "rate_limited")
    headers.set("retry-after", String(typeof retryAfter === "number" ? retryAfter : 60));
  return jsonError(HTTP_STATUS_OF_KIND[error.kind], error.code, error.message, { ...init, headers });
}
