import { describe, expect, it } from "vitest";
import { absoluteRect } from "@/components/workflows/lib/geometry";
import { DEMO_AGENTS } from "@/server/demo-agents/catalog";
import { ZWorkflowGraphSchema } from "@/server/schemas/workflow-graph";
import { estimateRunPrice } from "@/server/services/workflows/graph/estimate-price";
import { validateGraph } from "@/server/services/workflows/graph/validate-graph";
import { findWorkflowTemplate, WORKFLOW_TEMPLATES } from "@/server/services/workflows/templates";
import { dryRun } from "./support/dry-run";

/** What the seed publishes: every demo agent, at its price (server/seed/seed-catalog.ts). */
const listings = new Map(
  DEMO_AGENTS.map((a) => [a.slug, { name: a.name, priceCredits: a.pricePerTask, status: "PUBLISHED" }]),
);
const prices = new Map(DEMO_AGENTS.map((a) => [a.slug, a.pricePerTask]));

describe("workflow templates", () => {
  it("offer at least six, with unique ids, each using several node types, and together all the main ones", () => {
    expect(WORKFLOW_TEMPLATES.length).toBeGreaterThanOrEqual(6);
    expect(new Set(WORKFLOW_TEMPLATES.map((t) => t.id)).size).toBe(WORKFLOW_TEMPLATES.length);
    const used = new Set<string>();
    for (const template of WORKFLOW_TEMPLATES) {
      const types = new Set(template.graph.nodes.map((n) => n.type));
      expect(types.size, template.id).toBeGreaterThanOrEqual(4);
      for (const type of types) used.add(type);
      expect(template.description.length, template.id).toBeGreaterThan(60);
    }
    for (const type of ["condition", "parallel", "join", "loop", "approval", "transform", "output"]) {
      expect(used, type).toContain(type);
    }
  });

  it.each(WORKFLOW_TEMPLATES.map((t) => [t.id, t] as const))("%s is a well-formed graph", (_id, template) => {
    expect(ZWorkflowGraphSchema.parse(template.graph)).toEqual(template.graph);
  });

  it.each(WORKFLOW_TEMPLATES.map((t) => [t.id, t] as const))(
    "%s validates with no issue against the demo catalog",
    (_id, template) => {
      expect(validateGraph(template.graph, { listings })).toEqual([]);
    },
  );

  it.each(WORKFLOW_TEMPLATES.map((t) => [t.id, t] as const))(
    "%s has a positive, fully priced estimate within its budget cap",
    (_id, template) => {
      const estimate = estimateRunPrice(template.graph, prices);
      expect(estimate.maxCredits).toBeGreaterThan(0);
      expect(estimate.minCredits).toBeGreaterThanOrEqual(0);
      expect(estimate.minCredits).toBeLessThanOrEqual(estimate.maxCredits);
      expect(estimate.unpricedNodeIds).toEqual([]);
      if (template.graph.budgetCapCredits !== null) {
        expect(estimate.maxCredits).toBeLessThanOrEqual(template.graph.budgetCapCredits);
      }
    },
  );

  it.each(WORKFLOW_TEMPLATES.map((t) => [t.id, t] as const))(
    "%s lays its nodes out top to bottom along its edges",
    (_id, template) => {
      const byId = new Map(template.graph.nodes.map((n) => [n.id, n]));
      for (const edge of template.graph.edges) {
        expect(byId.get(edge.target)!.position.y, edge.id).toBeGreaterThan(byId.get(edge.source)!.position.y);
      }
      // No two boxes overlap on the canvas, apart from a loop and the steps inside it.
      const boxes = template.graph.nodes.map((n) => ({ node: n, ...absoluteRect(template.graph, n) }));
      for (const a of boxes) {
        for (const b of boxes) {
          if (a.node.id >= b.node.id || a.node.parentId === b.node.id || b.node.parentId === a.node.id) continue;
          const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
          expect(apart, `${a.node.id} and ${b.node.id} overlap`).toBe(true);
        }
      }
    },
  );

  it.each(WORKFLOW_TEMPLATES.map((t) => [t.id, t] as const))(
    "%s runs on its sample input with the demo agents' answers",
    async (_id, template) => {
      const run = await dryRun(template.graph, template.sampleInput);
      const outputs = template.graph.nodes.filter((n) => n.type === "output").map((n) => n.id);
      expect(run.ran.some((id) => outputs.includes(id))).toBe(true);
      for (const messages of Object.values(run.messages)) for (const m of messages) expect(m.trim()).not.toBe("");
    },
  );

  it("prices the blog post exactly: research with one retry, writer, editor, privacy auditor", () => {
    const estimate = estimateRunPrice(findWorkflowTemplate("blog-post-legal-review")!.graph, prices);
    expect([estimate.minCredits, estimate.maxCredits]).toEqual([120 + 60 + 15 + 90, 240 + 60 + 15 + 90]);
  });

  it("triages a repeated billing ticket into an FAQ update, and a one-off question into the queue", async () => {
    const template = findWorkflowTemplate("support-ticket-faq-update")!;
    const billing = await dryRun(template.graph, template.sampleInput);
    expect(billing.ran).toContain("faq_update");
    expect(billing.ran).not.toContain("routed");
    const firstBilling = await dryRun(template.graph, { ...template.sampleInput, similarTickets: 0 });
    expect(firstBilling.steps.triage!.output).toContain("[x] Billing question");
    expect(firstBilling.ran).toContain("faq_update");
    const oneOff = await dryRun(template.graph, {
      ...template.sampleInput,
      message: "How do I add a teammate to my workspace?",
      similarTickets: 1,
    });
    expect(oneOff.ran).toContain("routed");
    expect(oneOff.ran).not.toContain("faq_draft");
    expect(oneOff.steps.routed!.data).toMatchObject({ ticketId: "T-20931", route: "support queue" });
    const estimate = estimateRunPrice(template.graph, prices);
    expect([estimate.minCredits, estimate.maxCredits]).toEqual([10, 10 + 30 + 15]);
  });

  it("localizes into every listed language, each element reviewed, and prices 0..maxItems reviews", async () => {
    const template = findWorkflowTemplate("localize-page")!;
    const run = await dryRun(template.graph, template.sampleInput);
    expect(run.messages.review).toHaveLength(3);
    expect(run.messages.review![2]).toContain("Japanese localization");
    const localized = run.steps.localized!.data as { languages: { language: string; position: number }[] };
    expect(localized.languages.map((l) => [l.language, l.position])).toEqual([
      ["French", 0],
      ["German", 1],
      ["Japanese", 2],
    ]);
    const estimate = estimateRunPrice(template.graph, prices);
    expect([estimate.minCredits, estimate.maxCredits]).toEqual([20, 20 + 10 * 55 * 2]);
  });

  it("sends a severe incident to the owner and files a minor one directly", async () => {
    const template = findWorkflowTemplate("incident-postmortem")!;
    const severe = await dryRun(template.graph, template.sampleInput);
    expect(severe.ran).toContain("reviewed_postmortem");
    expect(severe.steps.draft!.output).toContain("Severity: SEV2");
    const minor = await dryRun(template.graph, { ...template.sampleInput, severity: "sev3" });
    expect(minor.ran).toContain("filed_postmortem");
    expect(minor.ran).not.toContain("owner_review");
  });

  it("hands out copies, so editing a workflow made from a template leaves the gallery alone", () => {
    const copy = findWorkflowTemplate("hiring-packet")!;
    copy.graph.nodes[0]!.name = "Changed";
    expect(findWorkflowTemplate("hiring-packet")!.graph.nodes[0]!.name).toBe("Start");
    expect(findWorkflowTemplate("no-such-template")).toBeNull();
  });
});
