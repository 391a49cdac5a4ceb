import "server-only";
import { buildDecisionGraph, estimateDecisionGraph, type GraphContext } from "./graph/build-graph";
import { policyGates, type Staffed } from "./org-tree";
import type { ManagerDecision, PlanPart } from "./types";

/**
 * Parts as a manager chose them (deterministic, LLM or a position's reply),
 * checked and turned into a decision: the same checks and the same graph
 * builder whoever chose them.
 */

export interface DraftPart {
  /** Any id unique in the plan; the decision renumbers parts part_1, part_2, … in run order. */
  key: string;
  text: string;
  positionId: string;
  dependsOn: string[];
  reason: string;
}

/** Parts that cannot make a plan; the message says exactly why (it becomes a fallback reason). */
export class PlanProblem extends Error {
  override name = "PlanProblem";
}

export const MAX_PARTS = 12;

/** Checks the parts and orders them so each comes after what it depends on (otherwise keeping their order). */
export function finalizeParts(drafts: DraftPart[], staff: Map<string, Staffed>): PlanPart[] {
  if (drafts.length === 0) throw new PlanProblem("The plan has no parts.");
  if (drafts.length > MAX_PARTS) throw new PlanProblem(`The plan has ${drafts.length} parts; at most ${MAX_PARTS}.`);
  const byKey = new Map<string, DraftPart>();
  for (const draft of drafts) {
    if (byKey.has(draft.key)) throw new PlanProblem(`Two parts have the id "${draft.key}".`);
    if (!draft.text.trim()) throw new PlanProblem(`Part "${draft.key}" has no text.`);
    if (!staff.has(draft.positionId)) {
      throw new PlanProblem(`Part "${draft.key}" names position "${draft.positionId}", which is not on the staff.`);
    }
    byKey.set(draft.key, draft);
  }
  for (const draft of drafts) {
    for (const dep of draft.dependsOn) {
      if (dep === draft.key) throw new PlanProblem(`Part "${draft.key}" depends on itself.`);
      if (!byKey.has(dep)) throw new PlanProblem(`Part "${draft.key}" depends on "${dep}", which is not a part.`);
    }
  }
  const ordered: DraftPart[] = [];
  const placed = new Set<string>();
  while (ordered.length < drafts.length) {
    const next = drafts.find((d) => !placed.has(d.key) && d.dependsOn.every((dep) => placed.has(dep)));
    if (!next) {
      const stuck = drafts.filter((d) => !placed.has(d.key)).map((d) => `"${d.key}"`);
      throw new PlanProblem(`The parts ${stuck.join(", ")} depend on each other in a cycle.`);
    }
    ordered.push(next);
    placed.add(next.key);
  }
  const ids = new Map(ordered.map((d, i) => [d.key, `part_${i + 1}`]));
  return ordered.map((draft) => {
    const { position, department } = staff.get(draft.positionId)!;
    const price = position.agent.priceCredits;
    return {
      id: ids.get(draft.key)!,
      text: draft.text.trim(),
      departmentSlug: department.slug,
      positionId: position.positionId,
      dependsOn: [...new Set(draft.dependsOn)].map((dep) => ids.get(dep)!),
      reason: draft.reason,
      priceCredits: price,
      needsApproval: policyGates(department.approvalPolicy, price),
    };
  });
}

/** One part with nothing before it is a route; anything else a plan. Both carry the graph and its estimate. */
export function decisionFromParts(
  parts: PlanPart[],
  ctx: GraphContext,
  explain: { planReason: string; matchedTerms: string[] },
): Exclude<ManagerDecision, { kind: "question" }> {
  const graph = buildDecisionGraph(parts, ctx);
  const estimate = estimateDecisionGraph(graph, parts);
  const only = parts[0]!;
  if (parts.length === 1) {
    return {
      kind: "route",
      departmentSlug: only.departmentSlug,
      positionId: only.positionId,
      reason: only.reason,
      matchedTerms: explain.matchedTerms,
      graph,
      part: only,
      estimate,
    };
  }
  return { kind: "plan", parts, graph, reason: explain.planReason, estimate };
}

/** A plan in one line per part: who does what, after which parts, behind which approval. */
export function planSummary(parts: PlanPart[], ctx: GraphContext): string {
  const lines = parts.map((part, i) => {
    const { position, department } = ctx.staff.get(part.positionId)!;
    const after = part.dependsOn.length
      ? ` after ${part.dependsOn.map((id) => parts.findIndex((p) => p.id === id) + 1).join(" and ")}`
      : "";
    const gate = part.needsApproval ? `, once a ${department.name} approver agrees` : "";
    return `${i + 1}. ${position.title} (${department.name})${after}${gate}: ${part.text}`;
  });
  return lines.join("\n");
}
