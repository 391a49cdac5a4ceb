import "server-only";
import type { WorkflowGraph, WorkflowNode } from "../../../schemas/workflow-graph";
import { scheduleProblem } from "../triggers/schedule";
import { label, type GraphIssue } from "./graph-issue";
import type { GraphIndex } from "./graph-index";

export interface ListingInfo {
  name: string;
  priceCredits: number;
  /** The listing's AgentStatus; only PUBLISHED listings take tasks. */
  status: string;
}

export interface ValidationContext {
  /** Marketplace listings by slug (the org's own and the public catalog). */
  listings: Map<string, ListingInfo>;
  /** The org's workflows a subworkflow node may call; without it, subworkflow targets are not checked. */
  workflowIds?: Set<string>;
}

const issue = (node: WorkflowNode, code: string, message: string, extra: Partial<GraphIssue> = {}): GraphIssue => ({
  code,
  severity: "error",
  nodeId: node.id,
  message,
  ...extra,
});

function agentIssues(node: Extract<WorkflowNode, { type: "agent" }>, context: ValidationContext): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const target = node.config.target;
  if (target.kind === "listing") {
    const listing = context.listings.get(target.slug);
    if (!listing) {
      issues.push(
        issue(node, "agent_listing_unknown", `${label(node)} calls "${target.slug}", which is not a listed agent.`, {
          field: "config.target",
        }),
      );
    } else if (listing.status.toUpperCase() !== "PUBLISHED") {
      issues.push(
        issue(
          node,
          "agent_listing_unavailable",
          `${label(node)} calls ${listing.name}, which is not taking tasks (${listing.status.toLowerCase()}).`,
          { field: "config.target" },
        ),
      );
    }
  } else {
    issues.push(
      issue(
        node,
        "agent_target_unchecked",
        `${label(node)} calls a ${target.kind}; its price is not known yet, so the estimate leaves it out.`,
        { severity: "warning", field: "config.target" },
      ),
    );
  }
  if (!node.config.template.trim()) {
    issues.push(
      issue(node, "template_empty", `Write the message ${label(node)} sends to the agent.`, {
        field: "config.template",
      }),
    );
  }
  return issues;
}

function conditionIssues(node: WorkflowNode, index: GraphIndex): GraphIssue[] {
  const issues: GraphIssue[] = [];
  const out = index.outEdges.get(node.id) ?? [];
  for (const edge of out.filter((e) => e.branch === undefined)) {
    issues.push(
      issue(
        node,
        "condition_edge_no_branch",
        `A connection from the condition ${label(node)} says neither "true" nor "false".`,
        { edgeId: edge.id, field: "branch" },
      ),
    );
  }
  for (const branch of ["true", "false"] as const) {
    if (!out.some((e) => e.branch === branch)) {
      issues.push(
        issue(node, "condition_missing_branch", `Connect the "${branch}" branch of the condition ${label(node)}.`, {
          field: "branch",
        }),
      );
    }
  }
  return issues;
}

function nodeIssues(node: WorkflowNode, index: GraphIndex, context: ValidationContext): GraphIssue[] {
  switch (node.type) {
    case "agent":
      return agentIssues(node, context);
    case "condition":
      return conditionIssues(node, index);
    case "join": {
      const inputs = index.inEdges.get(node.id)?.length ?? 0;
      return inputs >= 2
        ? []
        : [issue(node, "join_too_few_inputs", `The join ${label(node)} needs at least two branches leading into it.`)];
    }
    case "parallel": {
      const branches = index.outEdges.get(node.id)?.length ?? 0;
      return branches >= 2
        ? []
        : [
            issue(node, "parallel_single_branch", `The fan-out ${label(node)} starts fewer than two branches.`, {
              severity: "warning",
            }),
          ];
    }
    case "approval": {
      const { roles, userIds } = node.config.approvers;
      const issues: GraphIssue[] = [];
      if (roles.length === 0 && userIds.length === 0) {
        issues.push(
          issue(
            node,
            "approval_no_approvers",
            `Choose who may decide the approval ${label(node)}: a role or a member.`,
            {
              field: "config.approvers",
            },
          ),
        );
      }
      if (!node.config.template.trim()) {
        issues.push(
          issue(node, "template_empty", `Write what the approvers of ${label(node)} read before deciding.`, {
            severity: "warning",
            field: "config.template",
          }),
        );
      }
      return issues;
    }
    case "subworkflow":
      return context.workflowIds && !context.workflowIds.has(node.config.workflowId)
        ? [
            issue(
              node,
              "subworkflow_unknown",
              `${label(node)} runs a workflow that does not exist in this organization.`,
              {
                field: "config.workflowId",
              },
            ),
          ]
        : [];
    case "trigger": {
      if (node.config.kind !== "schedule") return [];
      // The same parser as the schedule sweep (croner), so what passes here is what fires.
      const { cron, timeZone } = node.config;
      const issues: GraphIssue[] = [];
      if (scheduleProblem("* * * * *", timeZone)) {
        issues.push(
          issue(node, "schedule_invalid_time_zone", `"${timeZone}" is not a time zone (try "Europe/Paris" or "UTC").`, {
            field: "config.timeZone",
          }),
        );
      }
      const problem = scheduleProblem(cron, issues.length ? "UTC" : timeZone);
      if (problem) issues.push(issue(node, "schedule_invalid_cron", problem, { field: "config.cron" }));
      return issues;
    }
    case "transform":
    case "loop":
    case "delay":
    case "output":
      return [];
  }
}

/** What each node needs configured to run, plus branch labels on edges that are not a condition's. */
export function configIssues(graph: WorkflowGraph, index: GraphIndex, context: ValidationContext): GraphIssue[] {
  const issues = [...index.nodes.values()].flatMap((node) => nodeIssues(node, index, context));
  for (const edge of graph.edges) {
    const source = index.nodes.get(edge.source);
    if (edge.branch !== undefined && source && source.type !== "condition") {
      issues.push({
        code: "edge_branch_not_condition",
        severity: "error",
        edgeId: edge.id,
        nodeId: source.id,
        field: "branch",
        message:
          `The connection from ${label(source)} is marked "${edge.branch}", ` +
          `but only a condition's connections have branches.`,
      });
    }
  }
  if (![...index.nodes.values()].some((n) => n.type === "output")) {
    issues.push({
      code: "no_output",
      severity: "warning",
      message: "Add an output step to say what the run returns; without one the run has no result.",
    });
  }
  return issues;
}
