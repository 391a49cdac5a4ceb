import { describe, expect, it } from "vitest";
import { findDemoAgent } from "@/server/demo-agents/catalog";
import { ACME_COMPANY } from "@/server/seed/seed-company";
import { decide } from "@/server/services/company/manager/decide";
import type { ManagerDepartment, ManagerInput } from "@/server/services/company/manager/types";
import { validateGraph } from "@/server/services/workflows/graph/validate-graph";

/**
 * The demo's promise (issue 13, section 5) on the seed itself: Acme's
 * seeded company, asked "Draft a launch blog post on our Q3 numbers and
 * check it for legal risk", plans Finance, then Marketing's Content team,
 * then Legal behind Legal's approval.
 */

type Spec = (typeof ACME_COMPANY)[number];
const slugOf = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, "-");

function tree(specs: Spec[], parentSlug: string | null = null): ManagerDepartment[] {
  return specs.flatMap((spec) => {
    const slug = slugOf(spec.name);
    const department: ManagerDepartment = {
      id: `dep_${slug}`,
      slug,
      name: spec.name,
      mission: spec.mission,
      parentSlug,
      approvalPolicy: !spec.approval
        ? { kind: "none" }
        : spec.approval.policy === "EVERY"
          ? { kind: "every" }
          : { kind: "over", credits: spec.approval.overCredits },
      leadUserIds: spec.leads,
      positions: spec.positions.map((p, i) => {
        const agent = findDemoAgent(p.agent)!;
        return {
          positionId: `pos_${slug}_${i}`,
          title: p.title,
          instructions: p.instructions ?? "",
          agent: {
            slug: agent.slug,
            name: agent.name,
            description: agent.description,
            skills: agent.skills,
            priceCredits: agent.pricePerTask,
          },
        };
      }),
    };
    return [department, ...tree(spec.teams ?? [], slug)];
  });
}

const askAcme = (request: string): ManagerInput => ({
  request,
  scope: { kind: "company" },
  departments: tree(ACME_COMPANY),
});

describe("the manager on Acme's seeded company", () => {
  it("plans the launch post: Finance, then Marketing's Content team, then Legal after its approval", async () => {
    const { decision } = await decide(
      askAcme("Draft a launch blog post on our Q3 numbers and check it for legal risk"),
      { llm: null },
    );
    if (decision.kind !== "plan") throw new Error(JSON.stringify(decision));
    const titles = new Map(tree(ACME_COMPANY).flatMap((d) => d.positions.map((p) => [p.positionId, p.title])));
    expect(
      decision.parts.map((p) => [p.departmentSlug, titles.get(p.positionId), p.dependsOn, p.needsApproval]),
    ).toEqual([
      ["finance", expect.any(String), [], false],
      ["content", "Content Writer", ["part_1"], false],
      ["legal", "Legal Reviewer", ["part_2"], true],
    ]);
    const approval = decision.graph.nodes.find((n) => n.id === "approve_part_3");
    expect(approval?.type === "approval" && approval.config.approvers).toEqual({
      roles: [],
      userIds: ACME_COMPANY.find((d) => d.name === "Legal")!.leads,
    });
    expect(validateGraph(decision.graph, { listings: new Map() }).filter((i) => i.severity === "error")).toEqual([]);
    const sum = decision.parts.reduce((total, p) => total + p.priceCredits, 0);
    expect(decision.estimate).toEqual({ minCredits: sum, maxCredits: sum });
  });

  it.each([
    ["Review this NDA for missing clauses", "legal", "Legal Reviewer"],
    ["Screen our new analytics pixel rollout for privacy gaps", "legal", "Privacy Counsel"],
    ["Reconcile these card charges: 19.99, 240.00, 19.99, 1200", "finance", "Accounts Payable Clerk"],
    ["Triage this ticket: our invoices page errors since yesterday, account 4471", "customer-support", "Support Agent"],
    ["Review the onboarding plan for our new sales hires", "people", "Onboarding Specialist"],
    ["Summarise this outage channel export for the postmortem", "engineering", "Incident Scribe"],
  ])("routes %j to %s's %s", async (request, department, title) => {
    const { decision } = await decide(askAcme(request), { llm: null });
    if (decision.kind !== "route") throw new Error(JSON.stringify(decision));
    const position = tree(ACME_COMPANY)
      .flatMap((d) => d.positions)
      .find((p) => p.positionId === decision.positionId);
    expect([decision.departmentSlug, position?.title]).toEqual([department, title]);
  });
});
