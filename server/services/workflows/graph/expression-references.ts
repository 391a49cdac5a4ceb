import "server-only";
import { analyzeSync, Variable, type Template, type Value } from "liquidjs";
import { parseExpression, parseTemplate } from "./expression-syntax";
import { offsetOf, positionAt, type SourcePosition } from "./source-position";

/**
 * What a template or expression reads from the run's scope, found with
 * liquidjs' own static analysis of the parsed template (not a regex over the
 * text), so `{% for s in steps.a.data %}{{ s }}` names steps.a and not `s`,
 * and a name assigned in the template is not mistaken for scope.
 */

export interface ScopeReference extends SourcePosition {
  /**
   * `steps.research.output` is ["steps", "research", "output"]; a segment
   * only known at run time (`steps[input.id]`) is null.
   */
  path: (string | number | null)[];
}

export type SourceKind = "template" | "expression";

/** liquidjs analyses templates; an expression becomes a template whose only argument is its value. */
function asTemplates(value: Value): Template[] {
  const template = {
    token: value.initial.postfix[0]!,
    render: () => "",
    arguments: function* () {
      yield value;
    },
  };
  return [template as unknown as Template];
}

/**
 * Without a kind, text with `{{` or `{%` is a template and anything else an
 * expression (a template without either reads nothing anyway). Callers that
 * know which field they hold pass the kind.
 */
const kindOf = (source: string, kind?: SourceKind): SourceKind =>
  kind ?? (/\{[{%]/.test(source) ? "template" : "expression");

/** The scope names read, in source order; empty when the source does not parse (checkTemplate says why). */
export function scopeReferences(source: string, kind?: SourceKind): ScopeReference[] {
  let templates: Template[];
  if (kindOf(source, kind) === "template") {
    const parsed = parseTemplate(source);
    if (!parsed.templates) return [];
    templates = parsed.templates;
  } else {
    const parsed = parseExpression(source);
    if (!parsed.value) return [];
    templates = asTemplates(parsed.value);
  }
  const { globals } = analyzeSync(templates, { partials: false });
  return Object.values(globals)
    .flat()
    .map((variable) => ({
      path: variable.segments.map((segment) => (segment instanceof Variable ? null : segment)),
      ...positionAt(source, offsetOf(source, variable.location.row, variable.location.col)),
    }))
    .sort((a, b) => a.offset - b.offset);
}

/** The node ids read as `steps.<id>`, each once, in order of first use. */
export function referencedSteps(source: string, kind?: SourceKind): string[] {
  const ids = scopeReferences(source, kind)
    .filter((ref) => ref.path[0] === "steps" && typeof ref.path[1] === "string")
    .map((ref) => ref.path[1] as string);
  return [...new Set(ids)];
}
