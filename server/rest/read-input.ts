import "server-only";
import type { z } from "zod";
import { DomainError } from "../errors";
import { invalidParams } from "../http/rest";
import type { AnyRoute } from "./route";

/** Next.js hands dynamic segments over as a promise; direct callers (tests) may pass nothing. */
export type RouteContext = { params?: Promise<Record<string, string | string[] | undefined>> } | undefined;

export interface RouteInput {
  params: unknown;
  query: unknown;
  headers: unknown;
  body: unknown;
}

/**
 * The route's path parameters, query, headers and JSON body, each parsed with
 * its schema. A path segment that fails is a 404 (it names nothing); the rest
 * fail as 400 invalid_input naming the field. Empty query values count as
 * absent (`?q=` is no search), the last of repeated ones wins; so do empty
 * headers.
 */
export async function readInput(route: AnyRoute, request: Request, context: RouteContext): Promise<RouteInput> {
  const input: RouteInput = { params: undefined, query: undefined, headers: undefined, body: undefined };
  if (route.params) {
    const parsed = route.params.safeParse((await context?.params) ?? {});
    if (!parsed.success) throw route.notFound?.() ?? new DomainError("not_found", "Nothing here has that address.");
    input.params = parsed.data;
  }
  if (route.query) {
    const raw = Object.fromEntries([...new URL(request.url).searchParams].filter(([, v]) => v !== ""));
    input.query = parse(route.query, raw, "query");
  }
  if (route.headers) {
    const raw = Object.fromEntries([...request.headers].filter(([, v]) => v !== ""));
    input.headers = parse(route.headers, raw, "header");
  }
  if (route.body) input.body = parse(route.body, await jsonBody(request), "body");
  return input;
}

function parse(schema: z.ZodType, value: unknown, what: string): unknown {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidParams(parsed.error, what);
  return parsed.data;
}

/** The body as JSON (restRoute already capped and buffered it). */
async function jsonBody(request: Request): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type))
    throw new DomainError("invalid_input", "Send the request body as JSON (Content-Type: application/json).");
  const text = await request.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DomainError("invalid_input", "The request body is not valid JSON.");
  }
}
