import "server-only";
import type { ZodOpenApiOperationObject, ZodOpenApiResponseObject, ZodOpenApiResponsesObject } from "zod-openapi";
import type { AnyRoute } from "../route";
import { ZApiErrorSchema } from "../schemas";

/** Response headers every answer carries, as components (document.ts defines them). */
const ref = (name: string) => ({ $ref: `#/components/headers/${name}` });
const LIMIT_HEADERS = {
  "X-RateLimit-Limit": ref("X-RateLimit-Limit"),
  "X-RateLimit-Remaining": ref("X-RateLimit-Remaining"),
  "X-Request-Id": ref("X-Request-Id"),
};

const refusal = (description: string, headers: Record<string, { $ref: string }> = LIMIT_HEADERS) =>
  ({
    description,
    headers,
    content: { "application/json": { schema: ZApiErrorSchema } },
  }) satisfies ZodOpenApiResponseObject;

/** The refusals every route can give, from how it is declared (the door's own answers). */
function refusals(route: AnyRoute): ZodOpenApiResponsesObject {
  const responses: ZodOpenApiResponsesObject = {};
  const bad = [route.query && "a query parameter", route.headers && "a header", route.body && "the body"].filter(
    Boolean,
  );
  if (bad.length || route.errors?.[400])
    responses["400"] = refusal(route.errors?.[400] ?? `\`invalid_input\`: ${bad.join(" or ")} failed its schema.`);
  if (route.access.kind === "apiKey") {
    responses["401"] = refusal(
      "`api_key_missing`, `api_key_malformed`, `api_key_invalid`, `api_key_revoked` or `api_key_expired`.",
      { ...LIMIT_HEADERS, "WWW-Authenticate": ref("WWW-Authenticate") },
    );
    if (route.access.scope) responses["403"] = refusal(`\`missing_scope\`: the key lacks \`${route.access.scope}\`.`);
  }
  for (const status of [402, 404, 409, 412] as const) {
    const text = route.errors?.[status] ?? (status === 404 && route.params ? "Nothing has that address." : null);
    if (text) responses[String(status) as "404"] = refusal(text);
  }
  if (route.body)
    responses["413"] = refusal("`payload_too_large`: the body is over 1 MB (refused before routing).", {
      "X-Request-Id": LIMIT_HEADERS["X-Request-Id"],
    });
  responses["429"] = refusal(
    "`rate_limited`: the bucket of the key (or, without one, of the address) is empty; retry after `Retry-After`.",
    { ...LIMIT_HEADERS, "Retry-After": ref("Retry-After") },
  );
  responses["500"] = refusal("`internal_error`: a fault on Bureau's side; the body carries the request id.");
  if (route.errors?.[503]) responses["503"] = refusal(route.errors[503]);
  return responses;
}

function successes(route: AnyRoute): ZodOpenApiResponsesObject {
  const responses: ZodOpenApiResponsesObject = {};
  for (const [status, spec] of Object.entries(route.responses)) {
    const content = spec.stream
      ? { [spec.stream]: { schema: spec.schema } }
      : { "application/json": { schema: spec.schema } };
    responses[status as "200"] = { description: spec.description, headers: LIMIT_HEADERS, content };
  }
  return responses;
}

const per = (seconds: number) => (seconds === 60 ? "a minute" : `per ${seconds} s`);

/** The OpenAPI operation of a declared route: parameters, body, every answer, and its security. */
export function openApiOperation(route: AnyRoute): ZodOpenApiOperationObject {
  const { access } = route;
  const scopeLine =
    access.kind === "public"
      ? `Public: no key needed; ${access.rateLimit.limit} requests ${per(access.rateLimit.windowSeconds)} per IP.`
      : `Needs an org API key${access.scope ? ` with the \`${access.scope}\` scope` : ""}.`;
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: [route.description, scopeLine].filter(Boolean).join("\n\n"),
    tags: [route.tag],
    // OpenAPI 3.1 lets a bearer scheme list required roles: here the key's scopes.
    security: access.kind === "public" ? [] : [{ apiKey: access.scope ? [access.scope] : [] }],
    // zod-openapi reads every key it is given: absent locations are left out.
    requestParams: Object.fromEntries(
      Object.entries({ path: route.params, query: route.query, header: route.headers }).filter(([, v]) => v),
    ),
    requestBody: route.body ? { required: true, content: { "application/json": { schema: route.body } } } : undefined,
    responses: { ...successes(route), ...refusals(route) },
  };
}
