import "server-only";
import type { InputJsonValue } from "../../generated/prisma/internal/prismaNamespace";
import { DomainError } from "../../errors";
import { ZWorkflowGraphSchema, type WorkflowGraph } from "../../schemas/workflow-graph";

/**
 * Graphs are Json columns. Every write parses the graph first and every read
 * parses it again, so code past this file only ever holds a well-formed
 * WorkflowGraph (a stored graph that no longer parses is a bug, not the
 * caller's fault, hence a plain Error).
 */
export function readStoredGraph(json: unknown, where: string): WorkflowGraph {
  const parsed = ZWorkflowGraphSchema.safeParse(json);
  if (!parsed.success) throw new Error(`Stored workflow graph of ${where} does not parse: ${parsed.error.message}`);
  return parsed.data;
}

/** A graph from a caller (builder, REST, template): well-formed or a clear invalid_input naming the field. */
export function parseGraphInput(json: unknown): WorkflowGraph {
  const parsed = ZWorkflowGraphSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  const path = issue.path.length ? issue.path.join(".") : "graph";
  throw new DomainError("invalid_input", `The workflow graph is not well-formed: ${path}: ${issue.message}`, {
    path,
    issues: parsed.error.issues.length,
  });
}

export const graphJson = (graph: WorkflowGraph): InputJsonValue => graph as unknown as InputJsonValue;

/** A new workflow's graph: one manual trigger on an empty canvas. */
export function blankGraph(): WorkflowGraph {
  return {
    nodes: [
      { id: "start", type: "trigger", name: "Run manually", position: { x: 0, y: 0 }, config: { kind: "manual" } },
    ],
    edges: [],
    budgetCapCredits: null,
  };
}
