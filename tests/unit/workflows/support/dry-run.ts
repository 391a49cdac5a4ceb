import type { WorkflowGraph, WorkflowNode } from "@/server/schemas/workflow-graph";
import { findDemoAgent } from "@/server/demo-agents/catalog";
import { renderTemplate as demoAnswer } from "@/server/demo-agents/templates";
import {
  evaluateCondition,
  evaluateExpression,
  renderTemplate,
  type WorkflowScope,
} from "@/server/services/workflows/graph/expressions";

/**
 * Runs a graph in memory the way the engine's rules say (a node runs when it
 * has no in-edge or one of its in-edges is taken; a condition takes one
 * branch; a loop runs its body per item), with every template rendered for
 * real and each agent answering as the demo agent with that slug does. No
 * database, no tasks: it proves templates, expressions and branches work on
 * real-looking data, which validation alone cannot.
 */
export interface DryRun {
  ran: string[];
  steps: WorkflowScope["steps"];
  /** Messages each agent step received (loop bodies: one per element). */
  messages: Record<string, string[]>;
}

function demoOutput(slug: string, message: string): string {
  const agent = findDemoAgent(slug);
  if (!agent) throw new Error(`No demo agent ${slug}`);
  const behavior = agent.behavior;
  if (behavior.kind === "stream") return `# Brief\n\n${behavior.steps.join("\n")}\n\nAbout: ${message}`;
  if (behavior.kind === "input-required") throw new Error(`${slug} would wait for an answer`);
  if (behavior.kind === "fail-on-keyword" && behavior.keywords.some((k) => message.toLowerCase().includes(k)))
    throw new Error(`${slug} fails on this input`);
  return demoAnswer(behavior, message);
}

const result = (output: string, data: unknown) => ({ output, data, state: "succeeded", costCredits: 0, artifacts: [] });

export async function dryRun(graph: WorkflowGraph, input: unknown): Promise<DryRun> {
  const run: DryRun = { ran: [], steps: {}, messages: {} };
  const scopeBase = { input, run: { id: "run_dry", startedAt: "2026-11-02T10:00:00.000Z" } };

  async function runScope(parentId: string | undefined, extra: { item?: unknown; index?: number }) {
    const nodes = graph.nodes.filter((n) => n.parentId === parentId);
    const ids = new Set(nodes.map((n) => n.id));
    const edges = graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
    const ran = new Set<string>();
    const branch = new Map<string, string>();
    const done = new Set<string>();
    let lastData: unknown = null;
    while (done.size < nodes.length) {
      const next = nodes.find(
        (n) => !done.has(n.id) && edges.filter((e) => e.target === n.id).every((e) => done.has(e.source)),
      );
      if (!next) throw new Error("cycle");
      done.add(next.id);
      const inEdges = edges.filter((e) => e.target === next.id);
      const taken = inEdges.some((e) => ran.has(e.source) && (!e.branch || branch.get(e.source) === e.branch));
      if (inEdges.length && !taken) continue;
      ran.add(next.id);
      run.ran.push(next.id);
      const scope: WorkflowScope = { ...scopeBase, steps: run.steps, ...extra };
      const data = await execute(next, scope, branch);
      if (data !== undefined) lastData = data;
    }
    return lastData;
  }

  async function execute(node: WorkflowNode, scope: WorkflowScope, branch: Map<string, string>): Promise<unknown> {
    switch (node.type) {
      case "trigger":
        run.steps[node.id] = result("", input);
        return undefined;
      case "agent": {
        const message = await renderTemplate(node.config.template, scope);
        (run.messages[node.id] ??= []).push(message);
        if (node.config.target.kind !== "listing") throw new Error("only listings run here");
        run.steps[node.id] = result(demoOutput(node.config.target.slug, message), null);
        return undefined;
      }
      case "condition": {
        const verdict = await evaluateCondition(node.config.expression, scope);
        branch.set(node.id, String(verdict));
        run.steps[node.id] = result(String(verdict), { branch: String(verdict) });
        return undefined;
      }
      case "approval":
        run.steps[node.id] = result(await renderTemplate(node.config.template, scope), null);
        return undefined;
      case "transform":
      case "output": {
        const text = await renderTemplate(node.config.template, scope);
        const data: unknown = node.config.format === "json" ? JSON.parse(text) : null;
        run.steps[node.id] = result(text, data);
        return data ?? text;
      }
      case "loop": {
        const items = await evaluateExpression(node.config.items, scope);
        if (!Array.isArray(items)) throw new Error(`${node.id}: items is not a list`);
        const results = [];
        for (const [index, item] of items.slice(0, node.config.maxItems).entries()) {
          results.push(await runScope(node.id, { item, index }));
        }
        run.steps[node.id] = result("", results);
        return undefined;
      }
      case "parallel":
      case "join":
      case "delay":
      case "subworkflow":
        run.steps[node.id] = result("", null);
        return undefined;
    }
  }

  await runScope(undefined, {});
  return run;
}
