import { logger, requestIdFrom, withRequestId } from "../logger";

type Handler<C> = (request: Request, context: C) => Promise<Response> | Response;

/**
 * Wraps a route handler: binds a request id to every log line of the request,
 * echoes it as X-Request-Id, logs one line per request (method, path, status,
 * duration; never headers or bodies), and turns an unexpected throw into a
 * JSON 500 without leaking the error.
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
        logger.error({ err: error, method: request.method, path }, "unhandled error");
        response = jsonError(500, "internal_error", "Something went wrong on our side. Try again.");
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

export function jsonError(status: number, code: string, message: string, init?: ResponseInit): Response {
  return Response.json({ error: { code, message } }, { ...init, status });
}
