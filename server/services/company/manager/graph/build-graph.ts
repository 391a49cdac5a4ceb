import "server-only";
import {
  ZWorkflowGraphSchema,
  type WorkflowEdge,
  type WorkflowGraph,
  type WorkflowNode,
} from "../../../../schemas/workflow-graph";
import { estimateRunPrice, positionPriceKey } from "../../../workflows/graph/estimate-price";
import { approversOf, departmentLabel, describePolicy, type Staffed } from "../org-tree";
import type { ManagerDepartment, ManagerEstimate, PlanPart } from "../types";
import { liquidLiteral, liquidLiteralWithin } from "./liquid-literal";

/**
 * The one builder of a manager's workflow graph, for a route (one part) and
 * a plan alike, whichever manager chose the parts: a manual trigger, then
 * each part's agent step (preceded by an approval when its department's
 * policy gates it) after the steps it depends on, independent parts side by
 * side, and an output that compiles every part's answer. Each agent step's
 * message is the part's text plus the outputs of the steps it depends on.
 */

export interface GraphContext {
  request: string;
  staff: Map<string, Staffed>;
  departments: ManagerDepartment[];
}

const APPROVAL_DEADLINE_HOURS = 72;
const TRIGGER_ID = "start";
const OUTPUT_ID = "answer";
const approvalId = (part: PlanPart) => `approve_${part.id}`;

const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);

function who(part: PlanPart, ctx: GraphContext) {
  const { position, department } = ctx.staff.get(part.positionId)!;
  return { title: position.title, department, label: departmentLabel(department, ctx.departments) };
}

function agentTemplate(part: PlanPart, parts: PlanPart[], ctx: GraphContext): string {
  const sections = [liquidLiteralWithin(part.text, 14_000)];
  if (parts.length > 1) {
    sections.push(`This is one part of a larger request:\n\n${liquidLiteralWithin(ctx.request, 3_000)}`);
  }
  for (const id of part.dependsOn) {
    const dep = parts.find((p) => p.id === id)!;
    const { title, label } = who(dep, ctx);
    sections.push(`## From ${title} (${label}): ${liquidLiteral(clip(dep.text, 200))}\n\n{{ steps.${dep.id}.output }}`);
  }
  return sections.join("\n\n");
}

function approvalTemplate(part: PlanPart, parts: PlanPart[], ctx: GraphContext): string {
  const { title, department, label } = who(part, ctx);
  const lines = [
    `${department.name} ${describePolicy(department.approvalPolicy)}. Approve this step before it starts?`,
    `**Step:** ${title} (${label})`,
    `**Task:** ${liquidLiteralWithin(part.text, 6_000)}`,
    `**Price:** ${part.priceCredits} credits`,
  ];
  for (const id of part.dependsOn) {
    const dep = parts.find((p) => p.id === id)!;
    lines.push(`## Its input from ${who(dep, ctx).title}\n\n{{ steps.${dep.id}.output }}`);
  }
  return lines.join("\n\n");
}

function outputTemplate(parts: PlanPart[], ctx: GraphContext): string {
  if (parts.length === 1) return `{{ steps.${parts[0]!.id}.output }}`;
  return parts
    .map((part) => {
      const { title, label } = who(part, ctx);
      return `## ${title} (${label}): ${liquidLiteral(clip(part.text, 200))}\n\n{{ steps.${part.id}.output }}`;
    })
    .join("\n\n");
}

/** Rows by longest path from the trigger, parallel nodes spread around the centre column. */
function layOut(nodes: WorkflowNode[], edges: WorkflowEdge[]) {
  const level = new Map<string, number>([[TRIGGER_ID, 0]]);
  for (const node of nodes) {
    const sources = edges.filter((e) => e.target === node.id).map((e) => level.get(e.source) ?? 0);
    if (node.id !== TRIGGER_ID) level.set(node.id, sources.length ? Math.max(...sources) + 1 : 1);
  }
  const rows = new Map<number, WorkflowNode[]>();
  for (const node of nodes) rows.set(level.get(node.id)!, [...(rows.get(level.get(node.id)!) ?? []), node]);
  for (const [row, members] of rows) {
    members.forEach((node, i) => {
      node.position = { x: 400 + (i - (members.length - 1) / 2) * 300, y: 40 + row * 150 };
    });
  }
}

/** `parts` come in dependency order (every part after the parts it depends on). */
export function buildDecisionGraph(parts: PlanPart[], ctx: GraphContext): WorkflowGraph {
  const nodes: WorkflowNode[] = [];
  const edges: WorkflowEdge[] = [];
  const connect = (source: string, target: string) => edges.push({ id: `${source}-${target}`, source, target });
  const origin = { x: 0, y: 0 };
  nodes.push({ id: TRIGGER_ID, name: "Request", type: "trigger", position: origin, config: { kind: "manual" } });
  for (const part of parts) {
    const { title, department } = who(part, ctx);
    let entry = part.id;
    if (part.needsApproval) {
      entry = approvalId(part);
      nodes.push({
        id: entry,
        name: clip(`Approval: ${department.name} for ${title}`, 120),
        type: "approval",
        position: origin,
        config: {
          approvers: approversOf(department),
          template: approvalTemplate(part, parts, ctx),
          deadlineHours: APPROVAL_DEADLINE_HOURS,
          onTimeout: "reject",
        },
      });
      connect(entry, part.id);
    }
    nodes.push({
      id: part.id,
      name: clip(`${title}: ${part.text}`, 120),
      type: "agent",
      position: origin,
      config: {
        target: { kind: "position", positionId: part.positionId },
        template: agentTemplate(part, parts, ctx),
        retry: { maxAttempts: 1, backoffSeconds: 30 },
      },
    });
    if (part.dependsOn.length === 0) connect(TRIGGER_ID, entry);
    for (const dep of part.dependsOn) connect(dep, entry);
  }
  nodes.push({
    id: OUTPUT_ID,
    name: parts.length === 1 ? "Answer" : "Compiled answer",
    type: "output",
    position: origin,
    config: { template: outputTemplate(parts, ctx), format: "text" },
  });
  const needed = new Set(parts.flatMap((p) => p.dependsOn));
  for (const part of parts) if (!needed.has(part.id)) connect(part.id, OUTPUT_ID);
  layOut(nodes, edges);
  const total = parts.reduce((sum, p) => sum + p.priceCredits, 0);
  return ZWorkflowGraphSchema.parse({ nodes, edges, budgetCapCredits: total > 0 ? total : null });
}

/** The workflow estimate (estimate-price.ts) of the graph, each position step at its agent's price. */
export function estimateDecisionGraph(graph: WorkflowGraph, parts: PlanPart[]): ManagerEstimate {
  const prices = new Map(parts.map((p) => [positionPriceKey(p.positionId), p.priceCredits]));
  const { minCredits, maxCredits } = estimateRunPrice(graph, prices);
  return { minCredits, maxCredits };
}
