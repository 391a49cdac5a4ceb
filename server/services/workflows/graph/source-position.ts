import "server-only";
import { LiquidError, type Token } from "liquidjs";

/** Where in a template or expression something is: line and column from 1, offset (characters) from 0. */
export interface SourcePosition {
  line: number;
  column: number;
  offset: number;
}

/** A template or expression that does not parse, and where. */
export interface ParseProblem extends SourcePosition {
  message: string;
}

export function positionAt(source: string, offset: number): SourcePosition {
  const clamped = Math.max(0, Math.min(offset, source.length));
  const before = source.slice(0, clamped);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, column: clamped - lineStart + 1, offset: clamped };
}

/** The inverse of positionAt for liquidjs' (row, col) locations. */
export function offsetOf(source: string, line: number, column: number): number {
  let offset = 0;
  for (let l = 1; l < line; l++) {
    const next = source.indexOf("\n", offset);
    if (next === -1) break;
    offset = next + 1;
  }
  return offset + column - 1;
}

/** liquidjs appends ", line:1, col:7" to its messages; we carry the position separately. */
function bareMessage(message: string): string {
  return message.replace(/, line:\d+, col:\d+$/, "");
}

const upperFirst = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * liquidjs reports most parse errors at the start of the enclosing `{{ }}` or
 * `{% %}`; for the common ones we move to the offending word itself and say
 * it in a sentence.
 */
function describe(message: string, token: Token | undefined): { message: string; offset?: number } {
  const text = token ? token.input.slice(token.begin, token.end) : "";
  const at = (pattern: RegExp): number | undefined => {
    const hit = pattern.exec(text);
    return token && hit ? token.begin + hit.index + hit[0].length - (hit[1]?.length ?? 0) : undefined;
  };
  const escape = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  let m: RegExpExecArray | null;
  if ((m = /^undefined filter: (.+)$/.exec(message))) {
    return { message: `There is no filter named "${m[1]}".`, offset: at(new RegExp(`\\|\\s*(${escape(m[1]!)})`)) };
  }
  if ((m = /^tag "(.+)" not found$/.exec(message))) {
    return { message: `There is no tag named "${m[1]}".`, offset: at(new RegExp(`^\\{%-?\\s*(${escape(m[1]!)})`)) };
  }
  if ((m = /^tag (.+) not closed$/.exec(message))) return { message: `The tag ${m[1]} is never closed.` };
  if ((m = /^output (.+) not closed$/.exec(message))) return { message: `The output ${m[1]} is never closed with }}.` };
  if (message === 'expected "|" before filter' && token) {
    // liquidjs has already read the offending character when it says so.
    return { message: `Unexpected character: a filter starts with "|".`, offset: token.begin - 1 };
  }
  if (message === 'expected ":" after filter name') {
    return { message: `Expected ":" after the filter name (filters come last in Liquid: compare before the "|").` };
  }
  if (message === "parse length limit exceeded") return { message: "The template is too long." };
  return { message: upperFirst(message) };
}

/** A liquidjs error as a problem pointing into `source`; null for what is not an Error at all. */
export function problemFromLiquidError(source: string, error: unknown): ParseProblem | null {
  if (!(error instanceof Error)) return null;
  const token = LiquidError.is(error) ? ((error as LiquidError).token as Token | undefined) : undefined;
  const liquidError = error;
  const { message, offset } = describe(bareMessage(liquidError.message), token);
  return { message, ...positionAt(source, offset ?? token?.begin ?? 0) };
}
