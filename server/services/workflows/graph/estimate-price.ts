import "server-only";
import type { WorkflowGraph, WorkflowNode } from "../../../schemas/workflow-graph";
import { indexGraph, type GraphIndex } from "./graph-index";

/**
 * What a run may cost, from the listed prices, before it starts. Credits are
 * integers, so every figure here is exact.
 *
 * - An agent step costs its listing's price; retries may pay again, so its
 *   maximum is price × maxAttempts.
 * - A condition runs one branch: the minimum takes the cheapest choices, the
 *   maximum the dearest. Every combination of a scope's conditions is tried
 *   (up to 2^10); past that, the bounds are what runs whatever the branches
 *   (minimum) and everything reachable (maximum).
 * - A loop runs its body 0 to maxItems times.
 * - A join "first" cancels the losers (a canceled task releases its hold), so
 *   the minimum pays only the cheapest branch into it; but losers may finish
 *   first, so the maximum pays them all.
 * - A position costs its agent's price, found in `prices` under
 *   positionPriceKey(id). Departments (their manager decides what runs) and
 *   subworkflows have no price here: they count 0 and are listed in
 *   `unpricedNodeIds`, as are listings and positions missing from `prices`.
 */

/** Where `prices` holds a hired position's price (listings are under their slug). */
export const positionPriceKey = (positionId: string) => `position:${positionId}`;

export interface PriceRange {
  minCredits: number;
  maxCredits: number;
}

export interface RunPriceEstimate extends PriceRange {
  /** Each node's share of a run: the least and most it adds (0 when it may not run). */
  perNode: Record<string, PriceRange>;
  unpricedNodeIds: string[];
}

const MAX_ENUMERATED_CONDITIONS = 10;

interface Estimator {
  index: GraphIndex;
  prices: Map<string, number>;
  perNode: Record<string, PriceRange>;
  unpriced: Set<string>;
}

/** One execution of the node, alone (a loop: all of its body's runs). */
function ownCost(node: WorkflowNode, est: Estimator, maxMultiplier: number): PriceRange {
  if (node.type === "loop") {
    const body = estimateScope(est, node.id, maxMultiplier * node.config.maxItems);
    return { minCredits: 0, maxCredits: body.maxCredits * node.config.maxItems };
  }
  if (node.type === "subworkflow") est.unpriced.add(node.id);
  if (node.type !== "agent") return { minCredits: 0, maxCredits: 0 };
  const target = node.config.target;
  const price =
    target.kind === "listing"
      ? est.prices.get(target.slug)
      : target.kind === "position"
        ? est.prices.get(positionPriceKey(target.positionId))
        : undefined;
  if (price === undefined) {
    est.unpriced.add(node.id);
    return { minCredits: 0, maxCredits: 0 };
  }
  return { minCredits: price, maxCredits: price * node.config.retry.maxAttempts };
}

/** The scope's nodes in an order where every edge points forward; nodes on a cycle never run and are left out. */
function topologicalOrder(index: GraphIndex, nodes: WorkflowNode[]): WorkflowNode[] {
  const waiting = new Map(nodes.map((n) => [n.id, index.inEdges.get(n.id)?.length ?? 0]));
  const ready = nodes.filter((n) => waiting.get(n.id) === 0);
  const order: WorkflowNode[] = [];
  while (ready.length) {
    const node = ready.shift()!;
    order.push(node);
    for (const edge of index.outEdges.get(node.id) ?? []) {
      const left = waiting.get(edge.target)! - 1;
      waiting.set(edge.target, left);
      if (left === 0) ready.push(index.nodes.get(edge.target)!);
    }
  }
  return order;
}

/** Which nodes run when each condition takes the branch `choice` gives it (undefined: both, for the upper bound). */
function runSet(index: GraphIndex, order: WorkflowNode[], choice: (conditionId: string) => string | undefined) {
  const runs = new Set<string>();
  for (const node of order) {
    const inEdges = index.inEdges.get(node.id) ?? [];
    const taken = inEdges.some((edge) => {
      if (!runs.has(edge.source)) return false;
      const branch = index.nodes.get(edge.source)!.type === "condition" ? choice(edge.source) : undefined;
      return branch === undefined || edge.branch === undefined || edge.branch === branch;
    });
    if (inEdges.length === 0 || taken) runs.add(node.id);
  }
  return runs;
}

/** Nodes all of whose out-edges lead into the join, directly or through other feeders (as engine/schedule.ts). */
function feedersOf(index: GraphIndex, joinId: string, nodes: WorkflowNode[]): Set<string> {
  const found = new Set<string>();
  for (let grew = true; grew;) {
    grew = false;
    for (const node of nodes) {
      if (node.id === joinId || found.has(node.id)) continue;
      const outs = index.outEdges.get(node.id) ?? [];
      if (outs.length && outs.every((e) => e.target === joinId || found.has(e.target))) {
        found.add(node.id);
        grew = true;
      }
    }
  }
  return found;
}

interface Race {
  joinId: string;
  feeders: Set<string>;
}

/** The losers a join "first" may cancel, when the cheapest branch into it wins. */
function raceLosers(index: GraphIndex, races: Race[], runs: Set<string>, cost: (id: string) => number) {
  const losers = new Set<string>();
  for (const { joinId, feeders } of races) {
    if (!runs.has(joinId)) continue;
    const branchOf = (start: string) => {
      const branch = new Set<string>();
      const queue = [start];
      while (queue.length) {
        const id = queue.pop()!;
        if (!feeders.has(id) || branch.has(id) || !runs.has(id)) continue;
        branch.add(id);
        for (const edge of index.inEdges.get(id) ?? []) queue.push(edge.source);
      }
      return branch;
    };
    const branches = (index.inEdges.get(joinId) ?? []).filter((e) => runs.has(e.source)).map((e) => branchOf(e.source));
    const total = (branch: Set<string>) => [...branch].reduce((sum, id) => sum + cost(id), 0);
    const cheapest = branches.reduce<Set<string> | null>(
      (best, b) => (!best || total(b) < total(best) ? b : best),
      null,
    );
    for (const id of feeders) if (runs.has(id) && !cheapest?.has(id)) losers.add(id);
  }
  return losers;
}

/** The scope (top level, or one element of a loop body) and its nodes' shares, scaled by `maxMultiplier`. */
function estimateScope(est: Estimator, parentId: string | undefined, maxMultiplier: number): PriceRange {
  const { index } = est;
  const nodes = [...index.nodes.values()].filter((n) => n.parentId === parentId);
  const costs = new Map(nodes.map((n) => [n.id, ownCost(n, est, maxMultiplier)]));
  const order = topologicalOrder(index, nodes);
  const conditions = new Map(order.filter((n) => n.type === "condition").map((n, bit) => [n.id, bit]));
  const races: Race[] = nodes
    .filter((n) => n.type === "join" && n.config.wait === "first")
    .map((join) => ({ joinId: join.id, feeders: feedersOf(index, join.id, nodes) }));
  /** A set of nodes that run: what it costs, and who of it is sure to pay. */
  const evaluate = (runs: Set<string>) => {
    const losers = raceLosers(index, races, runs, (id) => costs.get(id)!.minCredits);
    let minCredits = 0;
    let maxCredits = 0;
    for (const id of runs) {
      maxCredits += costs.get(id)!.maxCredits;
      if (!losers.has(id)) minCredits += costs.get(id)!.minCredits;
    }
    return { minCredits, maxCredits, pays: [...runs].filter((id) => !losers.has(id)) };
  };
  const mayRun = runSet(index, order, () => undefined);
  let alwaysPays: Set<string>;
  let range: PriceRange;
  if (conditions.size <= MAX_ENUMERATED_CONDITIONS) {
    range = { minCredits: Infinity, maxCredits: 0 };
    alwaysPays = new Set(mayRun);
    for (let mask = 0; mask < 2 ** conditions.size; mask++) {
      const cost = evaluate(runSet(index, order, (id) => ((mask >> conditions.get(id)!) & 1 ? "true" : "false")));
      const pays = new Set(cost.pays);
      for (const id of alwaysPays) if (!pays.has(id)) alwaysPays.delete(id);
      range = {
        minCredits: Math.min(range.minCredits, cost.minCredits),
        maxCredits: Math.max(range.maxCredits, cost.maxCredits),
      };
    }
  } else {
    // Branch edges never taken: what still runs runs whatever the conditions say.
    const sure = evaluate(runSet(index, order, () => "neither"));
    alwaysPays = new Set(sure.pays);
    range = { minCredits: sure.minCredits, maxCredits: evaluate(mayRun).maxCredits };
  }
  for (const node of nodes) {
    const cost = costs.get(node.id)!;
    est.perNode[node.id] = {
      // Inside a loop nothing is sure: the list may be empty.
      minCredits: parentId === undefined && alwaysPays.has(node.id) ? cost.minCredits : 0,
      maxCredits: mayRun.has(node.id) ? cost.maxCredits * maxMultiplier : 0,
    };
  }
  return range;
}

export function estimateRunPrice(graph: WorkflowGraph, prices: Map<string, number>): RunPriceEstimate {
  const est: Estimator = { index: indexGraph(graph), prices, perNode: {}, unpriced: new Set() };
  const { minCredits, maxCredits } = estimateScope(est, undefined, 1);
  const order = graph.nodes.map((n) => n.id);
  return {
    minCredits,
    maxCredits,
    perNode: est.perNode,
    unpricedNodeIds: [...est.unpriced].sort((a, b) => order.indexOf(a) - order.indexOf(b)),
  };
}
