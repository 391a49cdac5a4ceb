import "server-only";
import { Context, isTruthy, LiquidError, toPromise, toValue } from "liquidjs";
import { liquid, renderOptions } from "./liquid";
import { parseExpression, parseTemplate } from "./expression-syntax";
import { positionAt, problemFromLiquidError, type ParseProblem, type SourcePosition } from "./source-position";

/**
 * The workflow expression and template language: Liquid, through liquidjs.
 *
 * Why Liquid rather than JSONata or CEL:
 * - One language for both jobs. A workflow is mostly text templates (the
 *   message an agent gets, what an approver reads, the run's output) plus a
 *   few expressions (a condition, a loop's list). Liquid's `{{ }}` output and
 *   its `{% if %}` / `{% for %}` tags are the templates, and the same
 *   operators and filters are the expressions (`steps.review.state ==
 *   "succeeded"`). JSONata and CEL are expression languages only; we would
 *   still need a second, template language beside them, with a second syntax
 *   for the same paths.
 * - Safe by design. Liquid was built (at Shopify) to run templates written
 *   by untrusted merchants on shared servers: no code execution, no access to
 *   JavaScript objects beyond the data handed in, and liquidjs adds limits on
 *   parse length, render time and allocation that we set (liquid.ts). The
 *   file tags (include/render/layout) are replaced so no template reads a file.
 * - Familiar. Shopify themes, Jekyll and GitHub Pages made `{{ page.title |
 *   upcase }}` known to many who never wrote code; JSONata's path algebra and
 *   CEL's protobuf-flavoured typing are programmers' tools.
 * - liquidjs is small (one dependency), typed, actively released, and gives
 *   parse errors with token positions and a static analysis of the variables a
 *   template reads, which live validation uses (expression-references.ts).
 *
 * Liquid semantics to know: only `false` and `nil` are falsy ("" and 0 are
 * truthy); a missing path prints as empty; objects print as JSON here.
 */

export type { ParseProblem, SourcePosition } from "./source-position";
export { checkExpression, checkTemplate } from "./expression-syntax";
export { referencedSteps, scopeReferences, type ScopeReference, type SourceKind } from "./expression-references";

/** What a node's templates and expressions see. */
export interface WorkflowScope {
  /** The run's input (JSON). */
  input: unknown;
  /** Earlier nodes' results, by node id. */
  steps: Record<string, { output: string; data: unknown; state: string; costCredits: number; artifacts: unknown[] }>;
  /** Inside a loop body: the current element. */
  item?: unknown;
  /** Inside a loop body: the current element's position, from 0. */
  index?: number;
  run: { id: string; startedAt: string };
}

export type ExpressionErrorKind = "syntax" | "render" | "limit";

/**
 * A template or expression that failed to parse or to run, with the position
 * in its source so the run can say "node X, character N".
 */
export class ExpressionError extends Error implements SourcePosition {
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  readonly kind: ExpressionErrorKind;

  constructor(message: string, position: SourcePosition, kind: ExpressionErrorKind) {
    super(message);
    this.name = "ExpressionError";
    this.line = position.line;
    this.column = position.column;
    this.offset = position.offset;
    this.kind = kind;
  }

  static fromProblem(problem: ParseProblem): ExpressionError {
    return new ExpressionError(problem.message, problem, "syntax");
  }
}

const LIMIT_MESSAGES: Record<string, string> = {
  "template render limit exceeded": "The template took too long or did too much work (it was stopped).",
  "memory alloc limit exceeded": "The template built too much data (it was stopped).",
  "Invalid string length": "The template's result is too long (it was stopped).",
};

function renderFailure(source: string, error: unknown): ExpressionError {
  const original = LiquidError.is(error) ? ((error as LiquidError).originalError ?? error) : error;
  const limit = original instanceof Error ? LIMIT_MESSAGES[original.message] : undefined;
  const problem = problemFromLiquidError(source, error) ?? { message: String(error), ...positionAt(source, 0) };
  return new ExpressionError(limit ?? problem.message, problem, limit ? "limit" : "render");
}

/** Renders a template to text; throws ExpressionError on a parse or render error. */
export async function renderTemplate(template: string, scope: WorkflowScope): Promise<string> {
  const parsed = parseTemplate(template);
  if (parsed.problem) throw ExpressionError.fromProblem(parsed.problem);
  try {
    return String(await liquid.render(parsed.templates, scope, renderOptions));
  } catch (error) {
    throw renderFailure(template, error);
  }
}

/** The value of a Liquid expression (`steps.a.state == "failed"`, `input.languages`); throws ExpressionError. */
export async function evaluateExpression(expression: string, scope: WorkflowScope): Promise<unknown> {
  const parsed = parseExpression(expression);
  if (parsed.problem) throw ExpressionError.fromProblem(parsed.problem);
  const context = new Context(scope, liquid.options, renderOptions, { liquid });
  try {
    // toValue unwraps Liquid's literal drops (nil, empty, blank) into plain values.
    return toValue(await toPromise<unknown>(parsed.value.value(context, false))) as unknown;
  } catch (error) {
    throw renderFailure(expression, error);
  }
}

/** An expression's truth per Liquid: everything but false and nil (null/undefined) is true. */
export async function evaluateCondition(expression: string, scope: WorkflowScope): Promise<boolean> {
  const value = await evaluateExpression(expression, scope);
  return isTruthy(value, new Context({}, liquid.options, renderOptions, { liquid }));
}
