import "server-only";
import { db } from "../db";
import type { CompanyActor } from "../services/company/departments/company-actor";
import { createDepartment } from "../services/company/departments/create-department";
import { setDepartmentBudget } from "../services/company/departments/set-department-budget";
import { setDepartmentLeads } from "../services/company/departments/set-department-leads";
import { updateDepartment } from "../services/company/departments/update-department";
import { hirePosition } from "../services/company/positions/hire-position";

interface SeedPosition {
  /** A Northwind demo agent (server/demo-agents), published by seedCatalog. */
  agent: string;
  title: string;
  instructions?: string;
}

interface SeedDepartment {
  name: string;
  mission: string;
  /** Demo users (server/seed/demo-data.ts) by email. */
  leads: string[];
  monthlyBudget: number;
  approval?: { policy: "OVER"; overCredits: number } | { policy: "EVERY" };
  positions: SeedPosition[];
  teams?: SeedDepartment[];
}

const OWNER = "owner@acme.test";
const ADMIN = "admin@acme.test";
const MEMBER = "member@acme.test";

/** Acme's company: each department staffed with the Northwind demo agent that fits its work best. */
export const ACME_COMPANY: SeedDepartment[] = [
  {
    name: "Finance",
    mission: "Keep the numbers straight: reporting, forecasts, invoices and the monthly close.",
    leads: [OWNER],
    monthlyBudget: 5_000,
    positions: [
      {
        agent: "northwind-data-analyst",
        title: "Financial Analyst",
        instructions: "State each figure with its period and where it came from; flag anything that does not add up.",
      },
      { agent: "northwind-budget-forecaster", title: "Budget Forecaster" },
      { agent: "northwind-invoice-reconciler", title: "Accounts Payable Clerk" },
      { agent: "northwind-metrics-explainer", title: "KPI Analyst" },
    ],
  },
  {
    name: "Marketing",
    mission: "Grow demand for Acme: campaigns, positioning, search and market research.",
    leads: [ADMIN],
    monthlyBudget: 6_000,
    positions: [
      { agent: "northwind-campaign-planner", title: "Campaign Manager" },
      { agent: "northwind-seo-auditor", title: "SEO Specialist" },
      { agent: "northwind-research-analyst", title: "Market Researcher" },
    ],
    teams: [
      {
        name: "Content",
        mission: "Write what Acme publishes: launch posts, the blog and headlines, edited to the house style.",
        leads: [MEMBER, ADMIN],
        monthlyBudget: 2_500,
        positions: [
          {
            agent: "northwind-blog-writer",
            title: "Content Writer",
            instructions: "Write for Acme's customers in plain English; no claims about numbers Finance has not given.",
          },
          { agent: "northwind-copy-editor", title: "Copy Editor" },
        ],
      },
    ],
  },
  {
    name: "Legal",
    mission: "Keep Acme out of trouble: contracts, public claims and privacy reviewed before they go out.",
    leads: [OWNER],
    monthlyBudget: 3_000,
    approval: { policy: "EVERY" },
    positions: [
      {
        // No demo agent reviews marketing copy for legal risk; the clause checker is the closest fit.
        agent: "northwind-contract-checker",
        title: "Legal Reviewer",
        instructions:
          "Review contracts and anything Acme will publish for legal risk: liability, claims that need support, " +
          "confidential or personal data.",
      },
      { agent: "northwind-privacy-auditor", title: "Privacy Counsel" },
    ],
  },
  {
    name: "Customer Support",
    mission: "Answer customers quickly and well, and turn repeat questions into help articles.",
    leads: [MEMBER],
    monthlyBudget: 2_000,
    positions: [
      { agent: "northwind-support-triage", title: "Support Agent" },
      { agent: "northwind-faq-builder", title: "Help Center Writer" },
      { agent: "northwind-intake-coordinator", title: "Intake Coordinator" },
    ],
  },
  {
    name: "Engineering",
    mission: "Build and run Acme's product: reviews before merge, and a written record of every incident.",
    leads: [ADMIN],
    monthlyBudget: 4_000,
    positions: [
      { agent: "northwind-code-reviewer", title: "Code Reviewer" },
      { agent: "northwind-incident-scribe", title: "Incident Scribe" },
    ],
  },
  {
    name: "People",
    mission: "Hire, welcome and look after the people of Acme.",
    leads: [OWNER],
    monthlyBudget: 1_500,
    positions: [
      { agent: "northwind-job-description-writer", title: "Recruiter" },
      { agent: "northwind-interview-kit", title: "Interview Coordinator" },
      { agent: "northwind-onboarding-checklist", title: "Onboarding Specialist" },
    ],
  },
];

/**
 * The demo org's company (issue 13): departments and a team, each with a
 * mission, leads, a monthly budget and positions; Legal has every task
 * approved by a lead. Made through the company services as the owner, so
 * events and audit entries are what a person's changes would leave.
 * Idempotent: a department that exists (by name, among the top level or
 * its parent's teams) is only completed: leads, a budget and staff are
 * added where it has none, so edits made in the demo survive a re-run; an
 * archived one is left alone.
 */
export async function seedCompany(input: {
  orgId: string;
  ownerUserId: string;
  departments?: SeedDepartment[];
}): Promise<{ created: number; hired: number }> {
  const actor: CompanyActor = { kind: "user", userId: input.ownerUserId };
  const totals = { created: 0, hired: 0 };
  const seed = async (spec: SeedDepartment, parentId: string | null) => {
    const id = await ensureDepartment(input.orgId, actor, spec, parentId, totals);
    if (id) for (const team of spec.teams ?? []) await seed(team, id);
  };
  for (const spec of input.departments ?? ACME_COMPANY) await seed(spec, null);
  return totals;
}

async function ensureDepartment(
  orgId: string,
  actor: CompanyActor,
  spec: SeedDepartment,
  parentId: string | null,
  totals: { created: number; hired: number },
): Promise<string | null> {
  const existing = await db.department.findFirst({
    where: { orgId, parentId, name: spec.name },
    select: { id: true, archivedAt: true, _count: { select: { leads: true, positions: true } } },
  });
  // Archived in the demo: left as it is, teams and all.
  if (existing?.archivedAt) return null;
  const id =
    existing?.id ?? (await createDepartment({ orgId, actor, name: spec.name, mission: spec.mission, parentId })).id;
  if (!existing) {
    totals.created += 1;
    if (spec.approval)
      await updateDepartment({
        orgId,
        actor,
        departmentId: id,
        approvalPolicy: spec.approval.policy,
        ...(spec.approval.policy === "OVER" ? { approvalOverCredits: spec.approval.overCredits } : {}),
      });
  }
  if (!existing || existing._count.leads === 0) {
    const leads = await db.member.findMany({
      where: { organizationId: orgId, user: { email: { in: spec.leads } } },
      select: { userId: true, user: { select: { email: true } } },
    });
    const ordered = spec.leads.flatMap((email) => leads.filter((l) => l.user.email === email).map((l) => l.userId));
    if (ordered.length) await setDepartmentLeads({ orgId, actor, departmentId: id, userIds: ordered });
  }
  const budget = await db.budget.findUnique({ where: { orgId_scope: { orgId, scope: id } }, select: { id: true } });
  if (!budget) await setDepartmentBudget({ orgId, actor, departmentId: id, monthlyCapCredits: spec.monthlyBudget });
  if (!existing || existing._count.positions === 0) {
    for (const position of spec.positions) {
      await hirePosition({
        orgId,
        actor,
        departmentId: id,
        agent: { slug: position.agent },
        title: position.title,
        instructions: position.instructions ?? "",
      });
      totals.hired += 1;
    }
  }
  return id;
}
