import "server-only";
import { ResourceTemplate, type McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { McpError, type ReadResourceResult } from "@modelcontextprotocol/sdk/types.js";
import { db } from "../db";
import { isDomainError } from "../errors";
import { parsePathParam, zId, zSlug } from "../schemas/primitives";
import { getCompanyChart } from "../services/company/departments/get-company-chart";
import { getDepartment } from "../services/company/departments/get-department";
import { getOrgTask } from "../services/tasks/get-org-task";
import { getWorkflow } from "../services/workflows/get-workflow";
import { listWorkflows } from "../services/workflows/list-workflows";
import { guarded, RESOURCE_NOT_FOUND } from "./errors";
import { companyActor, hasAnyScope, workflowActor, type McpPrincipal } from "./principal";
import { artifactContent, artifactUri } from "./task-view";
import { positionToolName } from "./tools/positions";

const LISTED = 50;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";
const notFound = (uri: URL) => new McpError(RESOURCE_NOT_FOUND, `Resource not found: ${uri.href}`, { uri: uri.href });

/** A service's "not found" (another org's id included) is MCP's resource-not-found. */
async function read(uri: URL, work: () => Promise<ReadResourceResult>): Promise<ReadResourceResult> {
  return guarded({ uri: uri.href }, async () => {
    try {
      return await work();
    } catch (error) {
      if (isDomainError(error) && error.kind === "not_found") throw notFound(uri);
      throw error;
    }
  });
}

const json = (uri: URL, value: unknown): ReadResourceResult => ({
  contents: [{ uri: uri.href, mimeType: "application/json", text: JSON.stringify(value, null, 2) }],
});

/** Task artifacts: the org's newest tasks' artifacts are listed; any of its tasks' can be read. */
function registerArtifacts(server: McpServer, principal: McpPrincipal) {
  const template = new ResourceTemplate("bureau://tasks/{taskId}/artifacts/{index}", {
    list: () =>
      guarded({}, async () => {
        const tasks = await db.task.findMany({
          where: { orgId: principal.orgId, artifacts: { some: {} } },
          orderBy: { id: "desc" },
          take: 20,
          select: {
            id: true,
            agent: { select: { name: true } },
            artifacts: { orderBy: { createdAt: "asc" }, select: { name: true, description: true } },
          },
        });
        const resources = tasks.flatMap((task) =>
          task.artifacts.map((a, index) => ({
            uri: artifactUri(task.id, index),
            name: a.name ?? `Artifact ${index + 1} of task ${task.id}`,
            title: `${a.name ?? "Artifact"} · ${task.agent.name}`,
            ...(a.description ? { description: a.description } : {}),
          })),
        );
        return { resources: resources.slice(0, LISTED) };
      }),
  });
  server.registerResource(
    "task-artifact",
    template,
    {
      title: "Task artifact",
      description: "An artifact a task produced (n counts from 0, in the order the agent sent them).",
    },
    (uri, variables) =>
      read(uri, async () => {
        const taskId = parsePathParam(zId, one(variables.taskId));
        const index = Number(one(variables.index));
        if (!taskId || !Number.isSafeInteger(index) || index < 0) throw notFound(uri);
        const artifact = (await getOrgTask({ orgId: principal.orgId, taskId }))?.artifacts[index];
        if (!artifact) throw notFound(uri);
        return { contents: [{ uri: uri.href, ...artifactContent(artifact.parts) }] };
      }),
  );
}

function registerDepartments(server: McpServer, principal: McpPrincipal) {
  const actor = companyActor(principal);
  const slugs = async () =>
    (await getCompanyChart({ orgId: principal.orgId, actor })).departments.map((d) => ({
      slug: d.slug,
      name: d.name,
      mission: d.mission,
    }));
  const template = new ResourceTemplate("bureau://departments/{slug}", {
    list: () =>
      guarded({}, async () => ({
        resources: (await slugs()).map((d) => ({
          uri: `bureau://departments/${d.slug}`,
          name: d.slug,
          title: d.name,
          ...(d.mission ? { description: d.mission } : {}),
          mimeType: "application/json",
        })),
      })),
    complete: {
      slug: (value) => guarded({}, async () => (await slugs()).map((d) => d.slug).filter((s) => s.startsWith(value))),
    },
  });
  server.registerResource(
    "department",
    template,
    {
      title: "Department",
      description: "A department: mission, leads, budget, this month's spend, staff.",
      mimeType: "application/json",
    },
    (uri, variables) =>
      read(uri, async () => {
        const slug = parsePathParam(zSlug, one(variables.slug));
        if (!slug) throw notFound(uri);
        const d = await getDepartment({ orgId: principal.orgId, actor, slug });
        return json(uri, {
          slug: d.slug,
          name: d.name,
          mission: d.mission,
          parent: d.parent ? { slug: d.parent.slug, name: d.parent.name } : null,
          archived: d.archivedAt !== null,
          approvalPolicy: d.approvalPolicy,
          approvalOverCredits: d.approvalOverCredits,
          monthlyBudgetCredits: d.budget.capCredits,
          spentThisMonthCredits: d.month.rolledUpSpentCredits,
          leads: d.leads.map((l) => ({ name: l.name, email: l.email })),
          pendingApprovals: d.pendingApprovals,
          positions: d.positions.map((p) => ({
            id: p.id,
            title: p.title,
            status: p.status,
            instructions: p.instructions,
            agent: { slug: p.agent.slug, name: p.agent.name, priceCredits: p.agent.priceCredits },
            tool: p.status === "ACTIVE" && d.archivedAt === null ? positionToolName(d.slug, p.id) : null,
          })),
        });
      }),
  );
}

function registerWorkflows(server: McpServer, principal: McpPrincipal) {
  const actor = workflowActor(principal);
  const template = new ResourceTemplate("bureau://workflows/{id}", {
    list: () =>
      guarded({}, async () => {
        const page = await listWorkflows({ orgId: principal.orgId, actor, limit: LISTED });
        return {
          resources: page.items.map((w) => ({
            uri: `bureau://workflows/${w.id}`,
            name: w.id,
            title: w.name,
            ...(w.description ? { description: w.description } : {}),
            mimeType: "application/json",
          })),
        };
      }),
  });
  server.registerResource(
    "workflow",
    template,
    {
      title: "Workflow definition",
      description: "A workflow's draft graph (nodes, edges, templates) and which version is published.",
      mimeType: "application/json",
    },
    (uri, variables) =>
      read(uri, async () => {
        const workflowId = parsePathParam(zId, one(variables.id));
        if (!workflowId) throw notFound(uri);
        const w = await getWorkflow({ orgId: principal.orgId, actor, workflowId });
        return json(uri, {
          id: w.id,
          name: w.name,
          description: w.description,
          latestVersion: w.latestVersion,
          publishedAt: w.publishedAt?.toISOString() ?? null,
          hasUnpublishedChanges: w.hasUnpublishedChanges,
          draftGraph: w.draftGraph,
        });
      }),
  );
}

/**
 * The resources this caller's scopes reach: artifacts (tasks:read),
 * departments (company:read), workflow definitions (workflows:read).
 */
export function registerResources(server: McpServer, principal: McpPrincipal): void {
  if (hasAnyScope(principal, ["tasks:read"])) registerArtifacts(server, principal);
  if (hasAnyScope(principal, ["company:read"])) registerDepartments(server, principal);
  if (hasAnyScope(principal, ["workflows:read"])) registerWorkflows(server, principal);
}
