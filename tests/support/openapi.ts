import { readdirSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020";
import addFormats from "ajv-formats";

/**
 * Checks real /api/v1 answers against the published OpenAPI 3.1 document:
 * the document itself with an OpenAPI validator, each answer's status,
 * headers, content type and body with Ajv (JSON Schema 2020-12, the dialect
 * of OpenAPI 3.1). Workflow and other route tests reuse it.
 */

type Json = Record<string, unknown>;
type Operation = { responses: Record<string, Json> };
const METHODS = ["get", "post", "put", "patch", "delete"] as const;

export class OpenApiContract {
  /** "get /api/v1/agents 200": every answer checked so far. */
  readonly checked = new Set<string>();
  private readonly ajv = new Ajv2020({ allErrors: true, strict: false });
  private readonly validators = new Map<string, ValidateFunction>();

  private constructor(readonly document: Json) {
    addFormats(this.ajv);
    // The document is no schema itself: only its schema fragments are compiled, through refs into it.
    this.ajv.addSchema(document, "openapi.json", undefined, false);
  }

  /** Fetches `${baseUrl}/api/v1/openapi.json` and refuses a document the OpenAPI validator rejects. */
  static async fetch(baseUrl: string): Promise<OpenApiContract> {
    const response = await fetch(`${baseUrl}/api/v1/openapi.json`);
    if (response.status !== 200) throw new Error(`openapi.json answered ${response.status}`);
    const document = (await response.json()) as Json;
    const result = await new Validator().validate(structuredClone(document));
    if (!result.valid) throw new Error(`invalid OpenAPI document: ${JSON.stringify(result.errors, null, 2)}`);
    const contract = new OpenApiContract(document);
    await contract.check(response, { text: JSON.stringify(document) });
    return contract;
  }

  /** The path template of the document matching a concrete path (`/api/v1/agents/x` → `/api/v1/agents/{slug}`). */
  template(pathname: string): string {
    const paths = Object.keys(this.document.paths as Json);
    const hit = paths.find((t) => new RegExp(`^${t.replace(/\{[^}]+\}/g, "[^/]+")}$`).test(pathname));
    if (!hit) throw new Error(`${pathname} is not in the OpenAPI document`);
    return hit;
  }

  /** The operations of the document, as "get /api/v1/agents". */
  operations(): string[] {
    return Object.entries(this.document.paths as Record<string, Json>).flatMap(([p, item]) =>
      METHODS.filter((m) => item[m]).map((m) => `${m} ${p}`),
    );
  }

  /**
   * Checks one real answer (status declared, required headers present and
   * valid, content type declared, body valid) and returns its body: the
   * parsed JSON, or the text of a non-JSON answer. A `text/event-stream`
   * is left unread: it returns a function that checks one event (its
   * fields, `data` parsed from JSON) against the documented schema. Pass `text` when the body was
   * already read, `path` when the response has no URL (one built by hand).
   */
  async check(response: Response, opts: { method?: string; text?: string; path?: string } = {}): Promise<unknown> {
    const { method = "get", text } = opts;
    const template = this.template(opts.path ?? new URL(response.url).pathname);
    const operation = (this.document.paths as Record<string, Record<string, Operation>>)[template]?.[method];
    const pointer = `#/paths/${escape(template)}/${method}/responses/${response.status}`;
    const declared = operation?.responses[String(response.status)];
    if (!declared) throw new Error(`${method} ${template} answered ${response.status}, which it does not declare`);
    for (const [name, ref] of Object.entries((declared.headers ?? {}) as Record<string, Json>)) {
      const header = this.resolve(ref);
      const value = response.headers.get(name);
      if (value === null) {
        if (header.required) throw new Error(`${method} ${template} ${response.status} lacks header ${name}`);
        continue;
      }
      const typed = (header.schema as Json).type === "integer" && /^\d+$/.test(value) ? Number(value) : value;
      this.assert(`${pointer}/headers/${name}`, typed, `header ${name}`, header.schema as Json);
    }
    const type = (response.headers.get("content-type") ?? "").split(";")[0]!.trim();
    const media = Object.keys((declared.content ?? {}) as Json);
    if (!media.includes(type)) throw new Error(`${method} ${template} ${response.status} sent ${type}, not ${media}`);
    this.checked.add(`${method} ${template} ${response.status}`);
    const schema = `${pointer}/content/${escape(type)}/schema`;
    // A stream never ends by itself: the caller reads its frames and checks them with the checker returned.
    if (type === "text/event-stream")
      return (event: unknown) => this.assert(schema, event, "event", { $ref: `openapi.json${schema}` });
    const body = text ?? (await response.text());
    const value = type === "application/json" ? (JSON.parse(body) as unknown) : body;
    this.assert(schema, value, "body", { $ref: `openapi.json${schema}` });
    return value;
  }

  /** Checks a value against a component schema (`OrgEvent`, `Error`, …). */
  checkComponent(name: string, value: unknown): void {
    this.assert(name, value, name, { $ref: `openapi.json#/components/schemas/${escape(name)}` });
  }

  private resolve(ref: Json): Json {
    if (typeof ref.$ref !== "string") return ref;
    const parts = ref.$ref.replace(/^#\//, "").split("/").map(unescape);
    return parts.reduce<Json>((node, key) => node[key] as Json, this.document);
  }

  /** Validates `value` with `schema` (a plain schema, or a $ref into the document), compiled once per key. */
  private assert(key: string, value: unknown, what: string, schema: Json): void {
    let validate = this.validators.get(key);
    if (!validate) this.validators.set(key, (validate = this.ajv.compile(schema)));
    if (!validate(value))
      throw new Error(`${what} does not match ${key}: ${this.ajv.errorsText(validate.errors)}\n${preview(value)}`);
  }
}

const escape = (key: string) => key.replace(/~/g, "~0").replace(/\//g, "~1");
const unescape = (key: string) => key.replace(/~1/g, "/").replace(/~0/g, "~");
const preview = (value: unknown) => JSON.stringify(value).slice(0, 500);

type Handler = (request: Request, context?: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Route = { pattern: RegExp; handle: (request: Request, match: RegExpExecArray) => Promise<Response> };
/** A route file: its OpenAPI path and what it exports by method ("get"). */
type RouteFile = { path: string; methods: string[]; exports: Record<string, unknown> };

/**
 * Every app/api/v1/…/route.ts, as routes for startAppServer
 * (tests/support/app-server.ts): the real exported handlers, with dynamic
 * segments handed over as Next.js does. `files` lists what was mounted.
 */
export async function apiV1Routes(): Promise<{ routes: Route[]; files: RouteFile[] }> {
  const root = path.resolve(import.meta.dirname, "../../app/api/v1");
  const files = readdirSync(root, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith("route.ts"))
    .map((f) => path.dirname(f).split(path.sep));
  const routes: Route[] = [];
  const mounted: RouteFile[] = [];
  for (const segments of files) {
    const module = (await import(path.join(root, ...segments, "route.ts"))) as Record<string, unknown>;
    const methods = METHODS.filter((m) => typeof module[m.toUpperCase()] === "function");
    const pattern = segments.map((s) =>
      /^\[(\w+)\]$/.test(s) ? `(?<${s.slice(1, -1)}>[^/]+)` : s.replace(/\./g, "\\."),
    );
    const openApiPath = `/api/v1/${segments.map((s) => s.replace(/^\[(\w+)\]$/, "{$1}")).join("/")}`;
    mounted.push({ path: openApiPath, methods, exports: module });
    routes.push({
      pattern: new RegExp(`^/api/v1/${pattern.join("/")}$`),
      handle: async (request, match) => {
        const handler = module[request.method] as Handler | undefined;
        if (!handler) return new Response(null, { status: 405 });
        const params = Object.fromEntries(Object.entries(match.groups ?? {}).map(([k, v]) => [k, decode(v)]));
        return handler(request, { params: Promise.resolve(params) });
      },
    });
  }
  return { routes, files: mounted };
}

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
