import "server-only";
import type { z } from "zod";
import type { ApiKeyScope } from "../auth/api-key-scopes";
import type { DomainError } from "../errors";
import type { RestAnswer } from "../http/rest";
import type { ApiKeyPrincipal } from "../services/api-keys/authenticate-api-key";

/**
 * One /api/v1 operation, declared once: from it `nextRoute` (next-route.ts)
 * makes the Next.js route handler and `buildV1Document` (openapi/document.ts)
 * the OpenAPI 3.1 operation. Nothing about a route is written twice.
 */

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** A token bucket per client IP (server/services/rate-limit/limit-request.ts). */
export interface IpRateLimit {
  scope: string;
  limit: number;
  windowSeconds: number;
}

/**
 * Who may call a route. `public`: anyone, limited per client IP. `apiKey`:
 * an org API key (`scope` null: any valid key), limited per key; admit.ts
 * checks it before anything else of the request is read.
 */
export type RouteAccess = { kind: "public"; rateLimit: IpRateLimit } | { kind: "apiKey"; scope: ApiKeyScope | null };

/**
 * A success answer: JSON checked against `schema`; or, with `stream`, Server-
 * Sent Events each of which, as an object of its fields (`id`, `event`,
 * `data` parsed from JSON), matches `schema`: how OpenAPI 3.1 documents
 * conventionally describe a stream's events, and how reference viewers
 * render them. The handler then returns the Response itself (server/http/sse.ts).
 */
export interface SuccessSpec<S extends z.ZodType = z.ZodType> {
  description: string;
  schema: S;
  stream?: "text/event-stream";
}

export type SuccessStatus = 200 | 201 | 202;
export type Successes = Partial<Record<SuccessStatus, SuccessSpec>>;

type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** A schema of named values (path, query, headers): an object, possibly piped into a stricter one. */
export type ZNamedValues = z.ZodType<unknown, Record<string, unknown>>;

export interface HandlerInput<P, Q, H, B, A extends RouteAccess> {
  request: Request;
  params: Out<P>;
  query: Out<Q>;
  headers: Out<H>;
  body: Out<B>;
  principal: A extends { kind: "apiKey" } ? ApiKeyPrincipal : null;
  /** Headers to add to every answer of this request, errors included. */
  answer: RestAnswer;
}

/** What a handler answers: a declared status with a body of its schema, or a Response it built (streams). */
export type Reply<R extends Successes> =
  | {
      [S in keyof R & SuccessStatus]: { status: S; body: z.input<NonNullable<R[S]>["schema"]>; headers?: HeadersInit };
    }[keyof R & SuccessStatus]
  | Response;

export interface RouteSpec<P, Q, H, B, A extends RouteAccess, R extends Successes> {
  method: HttpMethod;
  /** OpenAPI form: `/api/v1/agents/{slug}`. */
  path: `/api/v1${string}`;
  operationId: string;
  summary: string;
  description?: string;
  tag: string;
  access: A;
  /** Path parameters; a segment that fails them names nothing, so it is answered `notFound`. */
  params?: P;
  query?: Q;
  /** Request headers the route reads (lower-case names), e.g. `idempotency-key`. */
  headers?: H;
  /** The JSON body (requests without a body schema have theirs ignored). */
  body?: B;
  responses: R;
  /** The 404 of a path that names nothing (default: a generic not_found). */
  notFound?: () => DomainError;
  /** Other refusals this route can give, by status: what they mean (documented with the error shape). */
  errors?: Partial<Record<400 | 402 | 404 | 409 | 412 | 503, string>>;
  handler: (input: HandlerInput<P, Q, H, B, A>) => Promise<Reply<R>> | Reply<R>;
}

/** A declared route with its types erased: what the OpenAPI document and the route list need. */
export type AnyRoute = Omit<
  RouteSpec<ZNamedValues, ZNamedValues, ZNamedValues, z.ZodType, RouteAccess, Successes>,
  "handler"
>;

/** Declares a route (an identity function that lets TypeScript infer the handler's types). */
export function defineRoute<
  P extends z.ZodObject | undefined = undefined,
  Q extends ZNamedValues | undefined = undefined,
  H extends z.ZodObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  A extends RouteAccess = RouteAccess,
  R extends Successes = Successes,
>(spec: RouteSpec<P, Q, H, B, A, R>): RouteSpec<P, Q, H, B, A, R> {
  return spec;
}
