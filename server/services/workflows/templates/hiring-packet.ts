import "server-only";
import { at, defineTemplate, edges } from "./define-template";

/** A job description, then the interview kit, onboarding plan and candidate-data screen in parallel, in one packet. */
export const hiringPacket = defineTemplate({
  id: "hiring-packet",
  name: "Hiring packet",
  description:
    "Writes the job description for a new role, then prepares the interview kit, the onboarding checklist and a " +
    "privacy screen of how candidate data is handled, all at once, and collects them into one packet for the " +
    "hiring manager to approve.",
  category: "people",
  sampleInput: {
    role: "Senior Backend Engineer",
    team: "Payments",
    level: "Senior",
    location: "Remote (EU)",
    mustHaves: ["PostgreSQL", "TypeScript", "payment systems"],
    onboarding: "Laptop shipped before day one, SSO and Slack access, a buddy from the team, first-week goals",
    candidateData:
      "We store candidate CVs in a shared drive for 2 years with access limited to the hiring panel, and delete " +
      "them on request.",
  },
  graph: {
    nodes: [
      { id: "start", name: "Start", type: "trigger", position: at(0, 0), config: { kind: "manual" } },
      {
        id: "job_description",
        name: "Write the job description",
        type: "agent",
        position: at(0, 1),
        config: {
          target: { kind: "listing", slug: "northwind-job-description-writer" },
          template:
            "Write a job description for a {{ input.level }} {{ input.role }} in the {{ input.team }} team, " +
            "{{ input.location }}. Must-haves: {{ input.mustHaves | join: ', ' }}.",
        },
      },
      { id: "prepare", name: "Prepare in parallel", type: "parallel", position: at(0, 2), config: {} },
      {
        id: "interview_kit",
        name: "Interview kit",
        type: "agent",
        position: at(-1, 3),
        config: {
          target: { kind: "listing", slug: "northwind-interview-kit" },
          template: "Plan the interview stages and questions for this role:\n\n{{ steps.job_description.output }}",
        },
      },
      {
        id: "onboarding",
        name: "Onboarding checklist",
        type: "agent",
        position: at(0, 3),
        config: {
          target: { kind: "listing", slug: "northwind-onboarding-checklist" },
          template: "Review this onboarding plan for a new {{ input.role }}: {{ input.onboarding }}",
        },
      },
      {
        id: "privacy",
        name: "Candidate data screen",
        type: "agent",
        position: at(1, 3),
        config: {
          target: { kind: "listing", slug: "northwind-privacy-auditor" },
          template: "Screen how we handle candidate data for this hire: {{ input.candidateData }}",
        },
      },
      { id: "ready", name: "Everything ready", type: "join", position: at(0, 4), config: { wait: "all" } },
      {
        id: "packet",
        name: "Assemble the packet",
        type: "transform",
        position: at(0, 5),
        config: {
          format: "json",
          template:
            '{ "role": {{ input.role | json }}, "jobDescription": {{ steps.job_description.output | json }}, ' +
            '"interviewKit": {{ steps.interview_kit.output | json }}, ' +
            '"onboarding": {{ steps.onboarding.output | json }}, "candidateData": {{ steps.privacy.output | json }} }',
        },
      },
      {
        id: "manager_approval",
        name: "Hiring manager approves",
        type: "approval",
        position: at(0, 6),
        config: {
          approvers: { roles: ["owner", "admin"], userIds: [] },
          template:
            "Approve the hiring packet for {{ input.role }} ({{ input.team }}):\n\n" +
            "{{ steps.job_description.output }}\n\n## Interview kit\n{{ steps.interview_kit.output }}",
          deadlineHours: 72,
          onTimeout: "reject",
        },
      },
      {
        id: "hiring_packet",
        name: "Hiring packet",
        type: "output",
        position: at(0, 7),
        config: { format: "json", template: "{{ steps.packet.data | json }}" },
      },
    ],
    edges: edges(
      ["start", "job_description"],
      ["job_description", "prepare"],
      ["prepare", "interview_kit"],
      ["prepare", "onboarding"],
      ["prepare", "privacy"],
      ["interview_kit", "ready"],
      ["onboarding", "ready"],
      ["privacy", "ready"],
      ["ready", "packet"],
      ["packet", "manager_approval"],
      ["manager_approval", "hiring_packet"],
    ),
    budgetCapCredits: 400,
  },
});
