import "server-only";
import { Liquid, toValue, type FS, type TagToken } from "liquidjs";

/**
 * The one configured Liquid engine every workflow template and expression
 * goes through (see expressions.ts for why Liquid). Authors are org members,
 * and their templates run on our servers, so the engine is shut down to pure
 * text in, text out: no files, no unknown filters, bounded work.
 */

/** Longest template one parse accepts (the graph schema caps fields at 20,000). */
export const PARSE_LIMIT_CHARS = 100_000;
/** Wall time one render or evaluation may take. */
export const RENDER_LIMIT_MS = 1_000;
/** liquidjs' allocation budget: characters and elements filters and ranges may create. */
export const MEMORY_LIMIT = 10_000_000;
/** Tags and outputs one render may execute (a 500-item loop of a few tags is ~2,000). */
export const TEMPLATE_RENDER_LIMIT = 20_000;

/** Tags that read other templates from the file system; there is no file system here. */
const FILE_TAGS = ["include", "render", "layout"] as const;

/** Never consulted (the file tags are replaced below); refuses anyway so no path can reach a disk. */
const noFiles: FS = {
  exists: () => Promise.resolve(false),
  existsSync: () => false,
  readFile: () => Promise.reject(new Error("Workflow templates cannot read files.")),
  readFileSync: () => {
    throw new Error("Workflow templates cannot read files.");
  },
  resolve: (_dir, file) => file,
  contains: () => Promise.resolve(false),
  containsSync: () => false,
};

/**
 * Objects and lists print as JSON instead of "[object Object]", so
 * `{{ steps.research.data }}` shows the data. Strings pass through untouched:
 * the output is a message or JSON for an agent, not HTML, so nothing is escaped.
 */
function printValue(raw: unknown): string {
  const value: unknown = toValue(raw);
  if (value === null || value === undefined) return "";
  return typeof value === "object" ? JSON.stringify(value) : String(value as string | number | boolean);
}

function createLiquid(): Liquid {
  const liquid = new Liquid({
    strictFilters: true,
    // Missing data (a skipped step, an absent input field) prints as empty, as Liquid authors expect.
    strictVariables: false,
    // `input.constructor` and friends are not data.
    ownPropertyOnly: true,
    jsTruthy: false,
    fs: noFiles,
    root: [],
    partials: [],
    layouts: [],
    relativeReference: false,
    dynamicPartials: false,
    cache: false,
    outputEscape: printValue,
    timezoneOffset: "UTC",
    locale: "en-US",
    parseLimit: PARSE_LIMIT_CHARS,
    renderLimit: RENDER_LIMIT_MS,
    memoryLimit: MEMORY_LIMIT,
  });
  for (const name of FILE_TAGS) {
    liquid.registerTag(name, {
      parse(token: TagToken) {
        throw new Error(`The "${token.name}" tag is not available: workflow templates cannot read other files.`);
      },
      render() {
        return "";
      },
    });
  }
  return liquid;
}

export const liquid = createLiquid();

export const renderOptions = {
  renderLimit: RENDER_LIMIT_MS,
  memoryLimit: MEMORY_LIMIT,
  templateLimit: TEMPLATE_RENDER_LIMIT,
};
