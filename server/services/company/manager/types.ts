import "server-only";
import type { WorkflowGraph } from "../../../schemas/workflow-graph";

/**
 * What a department's (or the company's) manager is given and what it
 * answers. Plain data in, a decision out: the caller loads the org's tree
 * and records the decision on the task; the manager reads nothing itself.
 */

export interface StaffSkill {
  name: string;
  description: string;
  tags: string[];
  examples: string[];
}

export interface ManagerPosition {
  positionId: string;
  title: string;
  instructions: string;
  agent: { slug: string; name: string; description: string; skills: StaffSkill[]; priceCredits: number };
}

export type ApprovalPolicy = { kind: "none" } | { kind: "over"; credits: number } | { kind: "every" };

export interface ManagerDepartment {
  id: string;
  slug: string;
  name: string;
  mission: string;
  parentSlug: string | null;
  positions: ManagerPosition[];
  approvalPolicy: ApprovalPolicy;
  leadUserIds: string[];
}

export interface ManagerInput {
  request: string;
  /** Whose manager answers: one department (it may hand parts to others) or the whole company. */
  scope: { kind: "department"; slug: string } | { kind: "company" };
  /** The org's whole active tree (archived ones left out), positions ACTIVE only. */
  departments: ManagerDepartment[];
  /** What the company knows that bears on the request (the knowledge graph, as the asking scope may see it). */
  knowledge?: { entity: string; text: string }[];
}

/** One piece of work of a plan. Its id is also its agent step's node id in the graph. */
export interface PlanPart {
  id: string;
  text: string;
  departmentSlug: string;
  positionId: string;
  /** Ids of the parts whose output this part needs (they run first). */
  dependsOn: string[];
  reason: string;
  priceCredits: number;
  /** Whether the department's approval policy gates it (an approval node precedes its agent step). */
  needsApproval: boolean;
}

/** What a run of the decision's graph may cost (exact integers; positions priced at their agent's price). */
export interface ManagerEstimate {
  minCredits: number;
  maxCredits: number;
}

export type ManagerDecision =
  | {
      kind: "route";
      departmentSlug: string;
      positionId: string;
      reason: string;
      matchedTerms: string[];
      graph: WorkflowGraph;
      /** The route's one part, as a plan would carry it (price, approval). */
      part: PlanPart;
      estimate: ManagerEstimate;
    }
  | { kind: "plan"; parts: PlanPart[]; graph: WorkflowGraph; reason: string; estimate: ManagerEstimate }
  | { kind: "question"; question: string };

export interface ManagerRecord {
  manager: "deterministic" | "llm" | "position";
  /** "openai:gpt-4.1-mini", "anthropic:claude-haiku-4-5". */
  model?: string;
  prompt?: string;
  rawOutput?: string;
  /** Why the LLM's (or position's) answer was not used and the deterministic manager answered instead. */
  fallbackReason?: string;
}
