import "server-only";
import { Tokenizer, TypeGuards, Value, type Template, type Token } from "liquidjs";
import { liquid } from "./liquid";
import { positionAt, problemFromLiquidError, type ParseProblem } from "./source-position";

/**
 * Parsing with positions. liquidjs parses leniently in two places we tighten,
 * because a workflow that only fails at run time fails late and far from its
 * author: a dangling operator (`a ==`, `input.x input.y`) and trailing text
 * after an expression both evaluate to something instead of failing.
 */

export type ParsedTemplate = { templates: Template[]; problem: null } | { templates: null; problem: ParseProblem };
export type ParsedExpression = { value: Value; problem: null } | { value: null; problem: ParseProblem };

const fail = (source: string, offset: number, message: string): ParseProblem => ({
  message,
  ...positionAt(source, offset),
});

/**
 * An expression's tokens in source order must read operand (operator operand)*,
 * with `not` allowed before any operand. liquidjs keeps them in postfix order,
 * which holds the same tokens, so sorting by position gives the infix back.
 */
function operatorProblem(source: string, value: Value): ParseProblem | null {
  const tokens = [...value.initial.postfix].sort((a, b) => a.begin - b.begin);
  let expectOperand = true;
  let last: Token | undefined;
  for (const token of tokens) {
    if (TypeGuards.isOperatorToken(token)) {
      if (token.operator === "not") {
        if (!expectOperand) return fail(source, token.begin, `"not" can only stand before a value.`);
      } else if (expectOperand) {
        return fail(source, token.begin, `"${token.operator}" needs a value before it.`);
      } else {
        expectOperand = true;
      }
    } else {
      if (!expectOperand) return fail(source, token.begin, `Expected an operator (==, and, or, …) before this value.`);
      expectOperand = false;
    }
    last = token;
  }
  if (expectOperand && last) return fail(source, last.end, `"${last.getText()}" needs a value after it.`);
  return null;
}

function childrenOf(template: Template): Template[] {
  if (!template.children) return [];
  // With partials off no tag loads anything, so the generator returns without yielding work.
  const generator = template.children(false, true);
  let step = generator.next();
  while (!step.done) step = generator.next(step.value as never);
  return step.value;
}

function templateOperatorProblem(source: string, templates: Template[]): ParseProblem | null {
  for (const template of templates) {
    for (const argument of template.arguments?.() ?? []) {
      if (argument instanceof Value) {
        const problem = operatorProblem(source, argument);
        if (problem) return problem;
      }
    }
    const inner = templateOperatorProblem(source, childrenOf(template));
    if (inner) return inner;
  }
  return null;
}

export function parseTemplate(source: string): ParsedTemplate {
  let templates: Template[];
  try {
    templates = liquid.parse(source);
  } catch (error) {
    const problem = problemFromLiquidError(source, error);
    if (!problem) throw error;
    return { templates: null, problem };
  }
  const problem = templateOperatorProblem(source, templates);
  return problem ? { templates: null, problem } : { templates, problem: null };
}

export function parseExpression(source: string): ParsedExpression {
  if (source.length > 2_000) return { value: null, problem: fail(source, 2_000, "The expression is too long.") };
  try {
    const tokenizer = new Tokenizer(source, liquid.options.operators);
    tokenizer.skipBlank();
    if (tokenizer.end()) return { value: null, problem: fail(source, 0, "The expression is empty.") };
    const token = tokenizer.readFilteredValue();
    tokenizer.skipBlank();
    if (!tokenizer.end()) {
      return { value: null, problem: fail(source, tokenizer.p, `Unexpected "${tokenizer.remaining().trim()}".`) };
    }
    for (const filter of token.filters) {
      if (!liquid.filters[filter.name]) {
        return { value: null, problem: fail(source, filter.begin, `There is no filter named "${filter.name}".`) };
      }
    }
    const value = new Value(token, liquid);
    const problem = operatorProblem(source, value);
    return problem ? { value: null, problem } : { value, problem: null };
  } catch (error) {
    const problem = problemFromLiquidError(source, error);
    if (!problem) throw error;
    return { value: null, problem };
  }
}

/** Null when the template parses; otherwise what is wrong and where. */
export function checkTemplate(template: string): ParseProblem | null {
  return parseTemplate(template).problem;
}

/** Null when the expression parses; otherwise what is wrong and where. */
export function checkExpression(expression: string): ParseProblem | null {
  return parseExpression(expression).problem;
}
