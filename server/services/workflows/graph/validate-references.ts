import "server-only";
import type { WorkflowNode } from "../../../schemas/workflow-graph";
import { checkExpression, checkTemplate, scopeReferences, type ScopeReference } from "./expressions";
import { label, type GraphIssue } from "./graph-issue";
import { enclosingLoops, readableSteps, sourceFields, type GraphIndex, type SourceField } from "./graph-index";

/** Names a template may read besides its own assigns: the run's scope, and Liquid's loop helpers. */
const KNOWN_ROOTS = new Set(["input", "steps", "item", "index", "run", "forloop", "tablerowloop"]);

const at = (ref: ScopeReference) => ({ line: ref.line, column: ref.column, offset: ref.offset });

function stepIssue(
  index: GraphIndex,
  node: WorkflowNode,
  field: SourceField,
  ref: ScopeReference,
  readable: Set<string>,
): GraphIssue | null {
  const base = { severity: "error" as const, nodeId: node.id, field: field.field, position: at(ref) };
  const id = ref.path[1];
  if (typeof id !== "string") {
    return id === undefined
      ? null
      : {
          ...base,
          code: "step_reference_dynamic",
          severity: "warning",
          message: `${label(node)} picks a step by a value known only at run time, so it cannot be checked here.`,
        };
  }
  if (readable.has(id)) return null;
  const target = index.nodes.get(id);
  if (!target) {
    return {
      ...base,
      code: "step_reference_unknown",
      message: `${label(node)} reads steps.${id}, but there is no step "${id}".`,
    };
  }
  if (id === node.id) {
    return {
      ...base,
      code: "step_reference_self",
      message: `${label(node)} reads its own result (steps.${id}), which it does not have yet.`,
    };
  }
  const loop = target.parentId ? index.nodes.get(target.parentId) : undefined;
  if (loop && !enclosingLoops(index, node.id).includes(loop)) {
    return {
      ...base,
      code: "step_reference_inside_loop",
      message:
        `${label(node)} reads steps.${id}, which runs once per element inside the loop ${label(loop)}; ` +
        `read the loop's results as steps.${loop.id}.data instead.`,
    };
  }
  return {
    ...base,
    code: "step_reference_not_before",
    message:
      `${label(node)} reads steps.${id}, but ${label(target)} does not finish before it; ` +
      `connect ${label(target)} earlier in the flow.`,
  };
}

function fieldIssues(index: GraphIndex, node: WorkflowNode, field: SourceField, readable: Set<string>): GraphIssue[] {
  const problem = field.kind === "template" ? checkTemplate(field.source) : checkExpression(field.source);
  if (problem) {
    const { message, ...position } = problem;
    return [
      {
        code: field.kind === "template" ? "template_syntax" : "expression_syntax",
        severity: "error",
        nodeId: node.id,
        field: field.field,
        position,
        message: `${label(node)}: ${message}`,
      },
    ];
  }
  const issues: GraphIssue[] = [];
  const reported = new Set<string>();
  const inLoop = enclosingLoops(index, node.id).length > 0;
  for (const ref of scopeReferences(field.source, field.kind)) {
    const root = String(ref.path[0]);
    const key = `${root}.${String(ref.path[1])}`;
    if (reported.has(key)) continue;
    let found: GraphIssue | null = null;
    if (root === "steps") found = stepIssue(index, node, field, ref, readable);
    else if ((root === "item" || root === "index") && !inLoop) {
      found = {
        code: "loop_variable_outside_loop",
        severity: "error",
        nodeId: node.id,
        field: field.field,
        position: at(ref),
        message: `${label(node)} reads "${root}", which only exists for steps inside a loop.`,
      };
    } else if (!KNOWN_ROOTS.has(root)) {
      found = {
        code: "unknown_name",
        severity: "warning",
        nodeId: node.id,
        field: field.field,
        position: at(ref),
        message:
          `${label(node)} reads "${root}", which is always empty: ` +
          `use input, steps, run, or item and index inside a loop.`,
      };
    }
    if (found) {
      reported.add(key);
      issues.push(found);
    }
  }
  return issues;
}

/** Templates and expressions that do not parse, and reads of steps that have not run yet. */
export function referenceIssues(index: GraphIndex): GraphIssue[] {
  return [...index.nodes.values()].flatMap((node) => {
    const fields = sourceFields(node);
    if (!fields.length) return [];
    const readable = readableSteps(index, node.id);
    return fields.flatMap((field) => fieldIssues(index, node, field, readable));
  });
}
