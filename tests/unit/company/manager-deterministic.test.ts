import { describe, expect, it } from "vitest";
import { isDomainError } from "@/server/errors";
import { decide } from "@/server/services/company/manager/decide";
import type { ManagerDecision, ManagerInput } from "@/server/services/company/manager/types";
import { estimateRunPrice, positionPriceKey } from "@/server/services/workflows/graph/estimate-price";
import { renderTemplate, type WorkflowScope } from "@/server/services/workflows/graph/expressions";
import { validateGraph } from "@/server/services/workflows/graph/validate-graph";
import type { NodeOf, WorkflowGraph } from "@/server/schemas/workflow-graph";
import { acmeDepartments, askCompany, askDepartment, LEGAL_LEAD } from "./manager-fixture";

const LAUNCH = "Draft a launch blog post on our Q3 numbers and check it for legal risk";

async function decided(input: ManagerInput): Promise<ManagerDecision> {
  const { decision, record } = await decide(input, { llm: null });
  expect(record).toEqual({ manager: "deterministic" });
  return decision;
}

function asRoute(decision: ManagerDecision) {
  if (decision.kind !== "route") throw new Error(`Expected a route, got ${JSON.stringify(decision, null, 1)}`);
  return decision;
}
function asPlan(decision: ManagerDecision) {
  if (decision.kind !== "plan") throw new Error(`Expected a plan, got ${JSON.stringify(decision, null, 1)}`);
  return decision;
}
function asQuestion(decision: ManagerDecision) {
  if (decision.kind !== "question") throw new Error(`Expected a question, got ${JSON.stringify(decision, null, 1)}`);
  return decision.question;
}

/** The graph passes the workflow validator: no errors (position steps only warn that it cannot price them). */
function expectValid(graph: WorkflowGraph) {
  const issues = validateGraph(graph, { listings: new Map() });
  expect(issues.filter((i) => i.severity === "error")).toEqual([]);
  expect(new Set(issues.map((i) => i.code))).toEqual(new Set(issues.length ? ["agent_target_unchecked"] : []));
}

const edgesOf = (graph: WorkflowGraph) => graph.edges.map((e) => `${e.source}>${e.target}`).sort();
const node = <T extends WorkflowGraph["nodes"][number]["type"]>(graph: WorkflowGraph, id: string, type: T) => {
  const found = graph.nodes.find((n) => n.id === id);
  expect(found?.type).toBe(type);
  return found as NodeOf<T>;
};
const runScope = (outputs: Record<string, string>): WorkflowScope => ({
  input: {},
  steps: Object.fromEntries(
    Object.entries(outputs).map(([id, output]) => [
      id,
      { output, data: null, state: "succeeded", costCredits: 0, artifacts: [] },
    ]),
  ),
  run: { id: "run_1", startedAt: "2026-12-01T00:00:00Z" },
});

describe("the deterministic manager: the launch blog post", () => {
  it("plans Finance's numbers, then Marketing's draft, then Legal's check behind Legal's approval", async () => {
    const plan = asPlan(await decided(askCompany(LAUNCH)));
    expect(
      plan.parts.map(({ id, departmentSlug, positionId, dependsOn, needsApproval, priceCredits }) => ({
        id,
        departmentSlug,
        positionId,
        dependsOn,
        needsApproval,
        priceCredits,
      })),
    ).toEqual([
      {
        id: "part_1",
        departmentSlug: "finance",
        positionId: "pos_financial_analyst",
        dependsOn: [],
        needsApproval: false,
        priceCredits: 80,
      },
      {
        id: "part_2",
        departmentSlug: "content",
        positionId: "pos_content_writer",
        dependsOn: ["part_1"],
        needsApproval: false,
        priceCredits: 60,
      },
      {
        id: "part_3",
        departmentSlug: "legal",
        positionId: "pos_contract_reviewer",
        dependsOn: ["part_2"],
        needsApproval: true,
        priceCredits: 150,
      },
    ]);
    expect(plan.parts[0]!.text).toMatch(/^Pull together our Q3 numbers/);
    expect(plan.parts[1]!.text).toBe("Draft a launch blog post on our Q3 numbers");
    expect(plan.parts[2]!.text).toBe("Check it for legal risk");
    expect(plan.parts[0]!.reason).toMatch(/needs our Q3 numbers, which Finance keeps/);
    expect(plan.parts[0]!.reason).toMatch(
      /Matched 'numbers' to skill 'Describe numbers' of Financial Analyst \(Finance\)/,
    );
    expect(plan.parts[1]!.reason).toMatch(
      /'blog post' to skill 'Blog post draft' of Content Writer \(Marketing\/Content\)/,
    );
    expect(plan.parts[2]!.reason).toMatch(/'legal risk' to its department's name and mission/);
    expect(plan.reason).toMatch(/Contract Reviewer \(Legal\) after 2, once a Legal approver agrees/);
  });

  it("gives a graph that validates, Legal's approval before its step, each step fed by the one before", async () => {
    const { graph } = asPlan(await decided(askCompany(LAUNCH)));
    expectValid(graph);
    expect(edgesOf(graph)).toEqual(
      ["start>part_1", "part_1>part_2", "part_2>approve_part_3", "approve_part_3>part_3", "part_3>answer"].sort(),
    );
    const approval = node(graph, "approve_part_3", "approval");
    expect(approval.config).toMatchObject({
      approvers: { roles: [], userIds: [LEGAL_LEAD] },
      deadlineHours: 72,
      onTimeout: "reject",
    });
    expect(node(graph, "part_3", "agent").config.target).toEqual({
      kind: "position",
      positionId: "pos_contract_reviewer",
    });
    const draft = await renderTemplate(
      node(graph, "part_2", "agent").config.template,
      runScope({ part_1: "Revenue 4.2M, up 12%" }),
    );
    expect(draft).toMatch(/^Draft a launch blog post on our Q3 numbers/);
    expect(draft).toContain("Revenue 4.2M, up 12%");
    const check = await renderTemplate(
      node(graph, "part_3", "agent").config.template,
      runScope({ part_2: "THE DRAFT" }),
    );
    expect(check).toMatch(/^Check it for legal risk/);
    expect(check).toContain("THE DRAFT");
    const approverReads = await renderTemplate(approval.config.template, runScope({ part_2: "THE DRAFT" }));
    expect(approverReads).toMatch(/Legal approves every task/);
    expect(approverReads).toMatch(/\*\*Price:\*\* 150 credits/);
    expect(approverReads).toContain("THE DRAFT");
  });

  it("estimates the price as the sum of the parts' prices, as the workflow estimate does", async () => {
    const plan = asPlan(await decided(askCompany(LAUNCH)));
    expect(plan.estimate).toEqual({ minCredits: 290, maxCredits: 290 });
    const prices = new Map(plan.parts.map((p) => [positionPriceKey(p.positionId), p.priceCredits]));
    const estimate = estimateRunPrice(plan.graph, prices);
    expect(estimate).toMatchObject({ minCredits: 290, maxCredits: 290, unpricedNodeIds: [] });
    expect(plan.graph.budgetCapCredits).toBe(290);
  });
});

describe("the deterministic manager: routes", () => {
  it("routes a contract review to Legal, behind Legal's approval", async () => {
    const route = asRoute(await decided(askCompany("Review this NDA for missing clauses")));
    expect(route).toMatchObject({ departmentSlug: "legal", positionId: "pos_contract_reviewer" });
    expect(route.matchedTerms).toEqual(["review", "nda", "missing clauses"]);
    expect(route.reason).toBe(
      "Matched 'review', 'nda', 'missing clauses' to skill 'Clause check' of Contract Reviewer (Legal).",
    );
    expect(route.part).toMatchObject({ id: "part_1", needsApproval: true, priceCredits: 150, dependsOn: [] });
    expect(edgesOf(route.graph)).toEqual(["approve_part_1>part_1", "part_1>answer", "start>approve_part_1"]);
    expect(route.estimate).toEqual({ minCredits: 150, maxCredits: 150 });
    expectValid(route.graph);
  });

  it("routes a support ticket straight to Customer Support when its policy gates nothing", async () => {
    const route = asRoute(
      await decided(askCompany("Triage this ticket: a customer was charged twice for the Pro plan")),
    );
    expect(route).toMatchObject({ departmentSlug: "support", positionId: "pos_support_agent" });
    expect(route.reason).toMatch(
      /^Matched 'triage', 'ticket'.* to skill 'Triage ticket' of Support Agent \(Customer Support\)/,
    );
    expect(route.graph.nodes.map((n) => n.type)).toEqual(["trigger", "agent", "output"]);
    expect(edgesOf(route.graph)).toEqual(["part_1>answer", "start>part_1"]);
    const message = await renderTemplate(node(route.graph, "part_1", "agent").config.template, runScope({}));
    expect(message).toBe("Triage this ticket: a customer was charged twice for the Pro plan");
  });

  it("routes page copy to the Content team's SEO Specialist and a job description to People", async () => {
    const seo = asRoute(await decided(askCompany("Audit the landing page copy for our pricing page")));
    expect(seo).toMatchObject({ departmentSlug: "content", positionId: "pos_seo_specialist" });
    // "data" names the role here, not figures: no Finance part.
    const hire = asRoute(await decided(askCompany("Write a job description for a senior data engineer")));
    expect(hire).toMatchObject({ departmentSlug: "people", positionId: "pos_recruiter" });
  });

  it("keeps work within a department that has the skill, its teams included", async () => {
    const route = asRoute(
      await decided(askDepartment("marketing", "Draft a blog post announcing our usage-based pricing")),
    );
    expect(route).toMatchObject({ departmentSlug: "content", positionId: "pos_content_writer" });
    expect(route.reason).not.toMatch(/Handed/);
  });

  it("hands work a department's own staff cannot do to the department that can, and says so", async () => {
    const route = asRoute(await decided(askDepartment("marketing", "Review this NDA for missing clauses")));
    expect(route).toMatchObject({ departmentSlug: "legal", positionId: "pos_contract_reviewer" });
    expect(route.reason).toMatch(/^Handed to Legal: none of Marketing's staff fits it well/);
    expect(route.reason).toMatch(/Matched 'review', 'nda', 'missing clauses' to skill 'Clause check'/);
    const fromLegal = asRoute(await decided(askDepartment("legal", "Draft a blog post about our new privacy policy")));
    expect(fromLegal).toMatchObject({ departmentSlug: "content", positionId: "pos_content_writer" });
    expect(fromLegal.reason).toMatch(/^Handed to Marketing\/Content: none of Legal's staff fits it well/);
  });
});

describe("the deterministic manager: plans", () => {
  it("runs independent parts side by side", async () => {
    const plan = asPlan(
      await decided(
        askCompany("Write a job description for a senior data engineer. Also audit our pricing page for SEO."),
      ),
    );
    expect(plan.parts.map((p) => [p.positionId, p.dependsOn])).toEqual([
      ["pos_recruiter", []],
      ["pos_seo_specialist", []],
    ]);
    expect(edgesOf(plan.graph)).toEqual(["part_1>answer", "part_2>answer", "start>part_1", "start>part_2"]);
    expect(plan.estimate).toEqual({ minCredits: 75, maxCredits: 75 });
    expectValid(plan.graph);
    const first = plan.graph.nodes.find((n) => n.id === "part_1")!;
    const second = plan.graph.nodes.find((n) => n.id === "part_2")!;
    expect(first.position.y).toBe(second.position.y);
    expect(first.position.x).not.toBe(second.position.x);
  });

  it("runs a part that works on another's result after it, across departments", async () => {
    const plan = asPlan(await decided(askCompany("Summarise this outage log and then draft an FAQ from it")));
    expect(plan.parts.map((p) => [p.departmentSlug, p.positionId, p.dependsOn])).toEqual([
      ["engineering", "pos_incident_scribe", []],
      ["support", "pos_help_centre_editor", ["part_1"]],
    ]);
    expect(plan.parts[1]!.reason).toMatch(/works on the result of "Summarise this outage log"/);
    expectValid(plan.graph);
  });

  it("reads a numbered list with its lead-in as parts", async () => {
    const plan = asPlan(
      await decided(
        askCompany(
          "For the Q3 launch:\n1. Draft a blog post announcing usage-based pricing\n" +
            "2. Plan a launch campaign for IT buyers",
        ),
      ),
    );
    expect(plan.parts.map((p) => [p.positionId, p.dependsOn, p.text])).toEqual([
      ["pos_content_writer", [], "For the Q3 launch: Draft a blog post announcing usage-based pricing"],
      ["pos_campaign_manager", [], "For the Q3 launch: Plan a launch campaign for IT buyers"],
    ]);
  });
});

describe("the deterministic manager: questions back", () => {
  it.each(["help", "do the thing", "Please help!", "   "])(
    "asks what is needed for %j, naming the departments",
    async (request) => {
      const question = asQuestion(await decided(askCompany(request)));
      expect(question).toMatch(/^What should be done, and about what\?/);
      expect(question).toMatch(/Finance \(describe numbers\)/);
      expect(question).toMatch(/Legal \(clause check\)/);
      expect(question).toMatch(/Marketing\/Content \(blog post draft/);
    },
  );

  it("says no one covers work nobody here does, even when a common word matches", async () => {
    for (const request of ["Check the weather in Paris tomorrow", "Translate our pricing page into German"]) {
      const question = asQuestion(await decided(askCompany(request)));
      expect(question).toMatch(new RegExp(`^No one here covers "${request}"`));
      expect(question).toMatch(/The departments here: Finance/);
    }
  });

  it("names the part it cannot place when the rest of a request fits", async () => {
    const question = asQuestion(
      await decided(askCompany("Draft a blog post about our pricing and then water the office plants")),
    );
    expect(question).toMatch(
      /^I can place 1 of the 2 parts of this request, but no one here covers "Water the office plants"/,
    );
  });

  it("asks a company without staff to hire first", async () => {
    const empty = acmeDepartments().map((d) => ({ ...d, positions: [] }));
    expect(asQuestion(await decided(askCompany("Review this NDA for missing clauses", empty)))).toMatch(
      /^The company has no active staff/,
    );
  });
});

describe("the deterministic manager: approval policies", () => {
  const financeOver500 = (price: number) =>
    acmeDepartments().map((d) =>
      d.slug !== "finance"
        ? d
        : {
            ...d,
            approvalPolicy: { kind: "over" as const, credits: 500 },
            positions: d.positions.map((p) => ({ ...p, agent: { ...p.agent, priceCredits: price } })),
          },
    );
  const REQUEST = "Describe these weekly signup numbers: 120, 134, 98, 160";

  it("lets a task at or under the threshold run without approval", async () => {
    for (const price of [80, 500]) {
      const route = asRoute(await decided(askCompany(REQUEST, financeOver500(price))));
      expect(route.part).toMatchObject({ positionId: "pos_financial_analyst", needsApproval: false });
      expect(route.graph.nodes.some((n) => n.type === "approval")).toBe(false);
    }
  });

  it("gates a task over the threshold behind owners and admins when the department has no lead", async () => {
    const route = asRoute(await decided(askCompany(REQUEST, financeOver500(650))));
    expect(route.part).toMatchObject({ needsApproval: true, priceCredits: 650 });
    const approval = node(route.graph, "approve_part_1", "approval");
    expect(approval.config.approvers).toEqual({ roles: ["owner", "admin"], userIds: [] });
    expect(approval.config.template).toMatch(/Finance approves tasks over 500 credits/);
    expect(route.estimate).toEqual({ minCredits: 650, maxCredits: 650 });
  });
});

describe("the deterministic manager: bad input", () => {
  it("refuses an unknown department as not found", async () => {
    const error = await decide(askDepartment("ghosts", "Review this NDA"), { llm: null }).catch((e: unknown) => e);
    expect(isDomainError(error) && error.code).toBe("department_not_found");
  });

  it("answers the same way every time", async () => {
    const [a, b] = [await decided(askCompany(LAUNCH)), await decided(askCompany(LAUNCH))];
    expect(a).toEqual(b);
  });
});

describe("the deterministic manager: size", () => {
  it("asks which to do first when a request holds more pieces of work than one plan takes", async () => {
    const items = Array.from({ length: 13 }, (_, i) => `${i + 1}. Review NDA number ${i + 1} for missing clauses`);
    expect(asQuestion(await decided(askCompany(items.join("\n"))))).toMatch(
      /^This request holds 13 pieces of work; one plan takes at most 12/,
    );
    const twelve = asPlan(await decided(askCompany(items.slice(0, 12).join("\n"))));
    expect(twelve.parts).toHaveLength(12);
    expect(twelve.parts.every((p) => p.positionId === "pos_contract_reviewer" && p.dependsOn.length === 0)).toBe(true);
  });
});

describe("the deterministic manager: after its question is answered", () => {
  it("decides on the request with the reply, reading a department named in it as a hint", async () => {
    const after = asRoute(await decided(askCompany("help\n\nReview our NDA with Globex for missing clauses")));
    expect(after).toMatchObject({ departmentSlug: "legal", positionId: "pos_contract_reviewer" });
    const hinted = asRoute(await decided(askCompany("Check our supplier terms for risky clauses\n\nLegal")));
    expect(hinted).toMatchObject({ departmentSlug: "legal", positionId: "pos_contract_reviewer" });
  });
});

describe("the deterministic manager: two-word requests", () => {
  it("routes two words one position covers, and otherwise asks which one", async () => {
    expect(asRoute(await decided(askCompany("Write headlines")))).toMatchObject({ positionId: "pos_content_writer" });
    expect(asRoute(await decided(askCompany("Triage tickets")))).toMatchObject({ positionId: "pos_support_agent" });
    expect(asQuestion(await decided(askCompany("Audit contracts")))).toBe(
      `"Audit contracts" could go to SEO Specialist (Marketing/Content) or Contract Reviewer (Legal). ` +
        "Which one, and what exactly should they do (what to produce or check, and about what)?",
    );
    expect(asQuestion(await decided(askCompany("Triage Zorblax")))).toMatch(/^What should be done, and about what\?/);
  });
});
