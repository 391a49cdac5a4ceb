import "server-only";
import { restRoute } from "../http/rest";
import { admit } from "./admit";
import { readInput, type RouteContext } from "./read-input";
import type { AnyRoute, HandlerInput, RouteAccess, RouteSpec, Successes, SuccessSpec } from "./route";

export type NextRouteHandler = ((request: Request, context?: RouteContext) => Promise<Response>) & {
  /** The declaration behind the handler (tests match route files to the OpenAPI document with it). */
  readonly route: AnyRoute;
};

/**
 * The Next.js route handler of a declared route, on the REST door of
 * server/http/rest.ts (body cap, request id, DomainError answers, the
 * answer's headers on every response). In order: admit (rate limit, key,
 * scope), parse the input, run the handler, and check what it answers
 * against the declared schema: a body that does not match is a bug, logged
 * and answered 500, never sent (it would break the published contract or
 * leak a column).
 */
export function nextRoute<P, Q, H, B, A extends RouteAccess, R extends Successes>(
  spec: RouteSpec<P, Q, H, B, A, R>,
): NextRouteHandler {
  const route = spec as unknown as AnyRoute;
  const handler = restRoute<RouteContext>(async (request, context, answer) => {
    const principal = await admit(request, spec.access, answer);
    if (principal instanceof Response) return principal;
    const input = await readInput(route, request, context);
    const reply = await spec.handler({ ...input, request, principal, answer } as HandlerInput<P, Q, H, B, A>);
    if (reply instanceof Response) return reply;
    const success: SuccessSpec | undefined = (spec.responses as Successes)[reply.status];
    if (!success || success.stream) throw new Error(`${spec.operationId} answered an undeclared ${reply.status}`);
    return Response.json(success.schema.parse(reply.body), { status: reply.status, headers: reply.headers });
  });
  return Object.assign((request: Request, context?: RouteContext) => handler(request, context), { route });
}
