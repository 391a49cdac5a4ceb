import { findDemoAgent } from "@/server/demo-agents/catalog";
import type {
  ApprovalPolicy,
  ManagerDepartment,
  ManagerInput,
  ManagerPosition,
} from "@/server/services/company/manager/types";

/**
 * Acme's company as the manager tests see it: the seed's six departments
 * (Marketing with a Content team) staffed with the Northwind demo agents,
 * their real names, descriptions, skills and prices.
 */

function hire(positionId: string, title: string, agentSlug: string, instructions = ""): ManagerPosition {
  const agent = findDemoAgent(agentSlug);
  if (!agent) throw new Error(`No demo agent ${agentSlug}`);
  return {
    positionId,
    title,
    instructions,
    agent: {
      slug: agent.slug,
      name: agent.name,
      description: agent.description,
      skills: agent.skills.map(({ name, description, tags, examples }) => ({ name, description, tags, examples })),
      priceCredits: agent.pricePerTask,
    },
  };
}

function department(
  slug: string,
  name: string,
  mission: string,
  positions: ManagerPosition[],
  extra: Partial<Pick<ManagerDepartment, "parentSlug" | "approvalPolicy" | "leadUserIds">> = {},
): ManagerDepartment {
  return {
    id: `dep_${slug}`,
    slug,
    name,
    mission,
    parentSlug: extra.parentSlug ?? null,
    positions,
    approvalPolicy: extra.approvalPolicy ?? ({ kind: "none" } satisfies ApprovalPolicy),
    leadUserIds: extra.leadUserIds ?? [],
  };
}

export const LEGAL_LEAD = "user_legal_lead";

export function acmeDepartments(): ManagerDepartment[] {
  return [
    department(
      "finance",
      "Finance",
      "Keeps the books: reporting, forecasts, reconciliation and the company's numbers.",
      [hire("pos_financial_analyst", "Financial Analyst", "northwind-data-analyst")],
    ),
    department("marketing", "Marketing", "Brings in demand: campaigns, launches and positioning.", [
      hire("pos_campaign_manager", "Campaign Manager", "northwind-campaign-planner"),
    ]),
    department(
      "content",
      "Content",
      "Writes and polishes what we publish: blog posts, newsletters and web pages.",
      [
        hire("pos_content_writer", "Content Writer", "northwind-blog-writer", "Write in Acme's plain, friendly voice."),
        hire("pos_seo_specialist", "SEO Specialist", "northwind-seo-auditor"),
      ],
      { parentSlug: "marketing" },
    ),
    department(
      "legal",
      "Legal",
      "Keeps contracts, privacy and legal risk in check.",
      [hire("pos_contract_reviewer", "Contract Reviewer", "northwind-contract-checker")],
      { approvalPolicy: { kind: "every" }, leadUserIds: [LEGAL_LEAD] },
    ),
    department("support", "Customer Support", "Answers customers and keeps the help centre current.", [
      hire("pos_support_agent", "Support Agent", "northwind-support-triage"),
      hire("pos_help_centre_editor", "Help Centre Editor", "northwind-faq-builder"),
    ]),
    department("engineering", "Engineering", "Builds and runs the product.", [
      hire("pos_code_reviewer", "Code Reviewer", "northwind-code-reviewer"),
      hire("pos_incident_scribe", "Incident Scribe", "northwind-incident-scribe"),
    ]),
    department("people", "People", "Hires, onboards and looks after Acme's people.", [
      hire("pos_recruiter", "Recruiter", "northwind-job-description-writer"),
      hire("pos_interview_designer", "Interview Designer", "northwind-interview-kit"),
    ]),
  ];
}

export const askCompany = (request: string, departments = acmeDepartments()): ManagerInput => ({
  request,
  scope: { kind: "company" },
  departments,
});

export const askDepartment = (slug: string, request: string, departments = acmeDepartments()): ManagerInput => ({
  request,
  scope: { kind: "department", slug },
  departments,
});
