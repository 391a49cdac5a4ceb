import "server-only";
import { createDocument, type ZodOpenApiPathsObject } from "zod-openapi";
import { appUrl } from "../../env";
import type { AnyRoute } from "../route";
import { openApiOperation } from "./operation";

/*
 * Why zod-openapi: it renders with zod 4's own z.toJSONSchema (so a schema
 * means the same thing to the parser and to the document), and adds what
 * OpenAPI needs on top: parameters from object schemas, input vs output
 * renderings (a coerced query number is documented as the caller sends it,
 * a response as we send it), and `.meta({ id })` components. Hand-assembling
 * that around z.toJSONSchema would be this library again.
 */

const integerHeader = (description: string) => ({
  description,
  required: true,
  schema: { type: "integer" as const, minimum: 0 },
});

const SAFE = Number.MAX_SAFE_INTEGER;

/**
 * The OpenAPI 3.1 document of `routes`. Paths are written relative to the
 * server URL (`/api/v1` is part of the path), so `servers` is the app's base.
 */
export function buildV1Document(routes: readonly AnyRoute[]) {
  const paths: ZodOpenApiPathsObject = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method] = openApiOperation(route);
  const tags = [...new Set(routes.map((r) => r.tag))].map((name) => ({ name }));
  return createDocument(
    {
      openapi: "3.1.0",
      info: {
        title: "Bureau API",
        version: "1",
        description:
          "Programs use Bureau over `/api/v1`: the agent catalog, the org's identity and event log, " +
          "workflows, their runs and approvals. " +
          "Authenticate with an org API key (Settings → API keys) as `Authorization: Bearer <key>`; each " +
          'operation names the scope it needs. Errors are `{ "error": { "code", "message" } }`; every ' +
          "answer carries `X-RateLimit-Limit` and `X-RateLimit-Remaining`, and a 429 also `Retry-After`. " +
          "A `text/event-stream` answer's schema is that of each event: its fields, `data` parsed from JSON.",
      },
      // The default; the public operations say `security: []`.
      security: [{ apiKey: [] }],
      servers: [{ url: appUrl() }],
      tags,
      paths,
      components: {
        securitySchemes: {
          apiKey: {
            type: "http",
            scheme: "bearer",
            description: "An org API key, created under Settings → API keys, with the scopes the operation lists.",
          },
        },
        headers: {
          "X-RateLimit-Limit": integerHeader("Requests the bucket of this caller holds when full."),
          "X-RateLimit-Remaining": integerHeader("Requests left in the bucket after this one; it refills steadily."),
          "Retry-After": integerHeader("Seconds until the bucket has a request for you again."),
          "X-Request-Id": { description: "This request's id, as logged.", required: true, schema: { type: "string" } },
          "WWW-Authenticate": { description: "`Bearer`", required: true, schema: { type: "string" } },
        },
      },
    },
    {
      // zod bounds every integer to the safe range; that says nothing to a reader.
      override: ({ jsonSchema }) => {
        if (jsonSchema.minimum === -SAFE) delete jsonSchema.minimum;
        if (jsonSchema.maximum === SAFE) delete jsonSchema.maximum;
      },
    },
  );
}
