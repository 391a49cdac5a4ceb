import type { z } from "zod";

/** What a form-encoded Stripe request decodes to: nested objects, arrays and strings. */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormObject = { [key: string]: FormValue };

/**
 * Decodes Stripe's form encoding (`a[b][0][c]=x`, `expand[]=y`) into nested
 * values, the way Stripe's API reads the SDK's requests. Objects whose keys
 * are all indices become arrays.
 */
export function parseStripeForm(encoded: string): FormObject {
  const root: FormObject = {};
  for (const [rawKey, value] of new URLSearchParams(encoded)) {
    const [head, ...rest] = rawKey.split("[");
    const path = [head ?? "", ...rest.map((part) => part.replace(/]$/, ""))];
    let node: FormObject = root;
    path.forEach((segment, i) => {
      const key = segment === "" ? String(Object.keys(node).length) : segment;
      if (i === path.length - 1) {
        node[key] = value;
        return;
      }
      const next = node[key];
      if (typeof next !== "object" || Array.isArray(next)) node[key] = {};
      node = node[key] as FormObject;
    });
  }
  return toArrays(root) as FormObject;
}

function toArrays(value: FormValue): FormValue {
  if (typeof value === "string" || Array.isArray(value)) return value;
  const keys = Object.keys(value);
  const entries = keys.map((k) => [k, toArrays(value[k] as FormValue)] as const);
  if (keys.length > 0 && keys.every((k, i) => k === String(i))) return entries.map(([, v]) => v);
  return Object.fromEntries(entries);
}

export interface StripeErrorBody {
  error: { type: string; code?: string; param?: string; message: string };
}

export class StripeHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: StripeErrorBody,
  ) {
    super(body.error.message);
  }
}

/** `line_items[0][price_data][currency]` style, as Stripe names params in errors. */
function paramName(path: PropertyKey[]): string {
  return path.map((p, i) => (i === 0 ? String(p) : `[${String(p)}]`)).join("");
}

function valueAt(params: FormValue, path: PropertyKey[]): FormValue | undefined {
  let node: FormValue | undefined = params;
  for (const key of path) {
    if (node === undefined || typeof node === "string") return undefined;
    node = Array.isArray(node) ? node[Number(key)] : node[String(key)];
  }
  return node;
}

/** Validates params like Stripe: unknown -> parameter_unknown, absent -> parameter_missing, else parameter_invalid. */
export function parseParams<S extends z.ZodType>(schema: S, params: FormObject): z.output<S> {
  const result = schema.safeParse(params);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  if (issue.code === "unrecognized_keys") {
    const param = paramName([...issue.path, issue.keys[0] ?? ""]);
    throw new StripeHttpError(400, {
      error: {
        type: "invalid_request_error",
        code: "parameter_unknown",
        param,
        message: `Received unknown parameter: ${param}`,
      },
    });
  }
  const param = paramName(issue.path);
  if (valueAt(params, issue.path) === undefined) {
    throw new StripeHttpError(400, {
      error: {
        type: "invalid_request_error",
        code: "parameter_missing",
        param,
        message: `Missing required param: ${param}.`,
      },
    });
  }
  throw new StripeHttpError(400, {
    error: {
      type: "invalid_request_error",
      code: "parameter_invalid",
      param,
      message: `Invalid value for ${param}: ${issue.message}`,
    },
  });
}

export function notFound(kind: string, id: string): StripeHttpError {
  return new StripeHttpError(404, {
    error: {
      type: "invalid_request_error",
      code: "resource_missing",
      param: "id",
      message: `No such ${kind}: '${id}'`,
    },
  });
}
