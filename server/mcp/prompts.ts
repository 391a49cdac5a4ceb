import "server-only";
import { completable } from "@modelcontextprotocol/sdk/server/completable.js";
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { GetPromptResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { DomainError } from "../errors";
import { parsePathParam, zId } from "../schemas/primitives";
import { getCompanyChart } from "../services/company/departments/get-company-chart";
import { getOrgTask } from "../services/tasks/get-org-task";
import { listWorkflows } from "../services/workflows/list-workflows";
import { guarded } from "./errors";
import { companyActor, hasAnyScope, workflowActor, type McpPrincipal } from "./principal";
import { artifactContent, artifactUri, TASK_NOT_FOUND } from "./task-view";
import { positionToolName } from "./tools/positions";

const user = (text: string): GetPromptResult["messages"][number] => ({ role: "user", content: { type: "text", text } });

/** The org's departments and their active staff, one line each, for a prompt. */
async function staffLines(principal: McpPrincipal): Promise<string[]> {
  const chart = await getCompanyChart({ orgId: principal.orgId, actor: companyActor(principal) });
  return chart.departments.map((d) => {
    const staff = d.positions
      .filter((p) => p.status === "ACTIVE")
      .map(
        (p) => `${p.title} (${p.agent.name}, ${p.agent.priceCredits} credits, tool ${positionToolName(d.slug, p.id)})`,
      );
    return `- ${d.name} (slug ${d.slug})${d.mission ? `: ${d.mission}` : ""}. Staff: ${staff.join("; ") || "none"}`;
  });
}

function registerAskTheCompany(server: McpServer, principal: McpPrincipal) {
  const departmentSlugs = async (value: string | undefined) => {
    if (!hasAnyScope(principal, ["company:read"])) return [];
    const chart = await getCompanyChart({ orgId: principal.orgId, actor: companyActor(principal) });
    return chart.departments.map((d) => d.slug).filter((slug) => slug.startsWith(value ?? ""));
  };
  server.registerPrompt(
    "ask_the_company",
    {
      title: "Ask the company",
      description: "Hand a request to the org's company (or one department): its manager routes or plans it.",
      argsSchema: {
        request: z.string().min(1).describe("What you need, in plain words."),
        department: completable(z.string().optional(), (value) =>
          guarded({ completion: "department" }, () => departmentSlugs(value)),
        ).describe("A department's slug; leave it out for the whole company."),
      },
    },
    (args) =>
      guarded({ prompt: "ask_the_company" }, async () => {
        const whom = args.department ? `the ${args.department} department` : "the whole company";
        const context = hasAnyScope(principal, ["company:read"])
          ? `\n\nThe org's departments:\n${(await staffLines(principal)).join("\n")}`
          : "";
        return {
          description: `Ask ${whom}`,
          messages: [
            user(
              `Ask ${whom} through Bureau with the ask_department tool` +
                (args.department ? ` (department "${args.department}")` : " (no department)") +
                `, with this request:\n\n${args.request}\n\nThen tell me what the manager decided and what came ` +
                "back. If it asks a question, show it to me and answer with reply_to_task; if it waits for an " +
                `approval, say who must approve.${context}`,
            ),
          ],
        };
      }),
  );
}

function registerSummariseTask(server: McpServer, principal: McpPrincipal) {
  server.registerPrompt(
    "summarise_task",
    {
      title: "Summarise a task",
      description: "Summarise what one of the org's tasks produced, from its artifacts.",
      argsSchema: { taskId: z.string().min(1).describe("The task's id (list_tasks).") },
    },
    (args) =>
      guarded({ prompt: "summarise_task" }, async () => {
        const taskId = parsePathParam(zId, args.taskId);
        const task = taskId ? await getOrgTask({ orgId: principal.orgId, taskId }) : null;
        if (!task) throw new DomainError("task_not_found", TASK_NOT_FOUND);
        return {
          description: `Summarise task ${task.id} (${task.agent.name})`,
          messages: [
            ...task.artifacts.map((artifact, index) => ({
              role: "user" as const,
              content: {
                type: "resource" as const,
                resource: { uri: artifactUri(task.id, index), ...artifactContent(artifact.parts) },
              },
            })),
            user(
              `Above are the artifacts of task ${task.id}, run by ${task.agent.name} (state ${task.state}` +
                (task.statusMessage ? `: ${task.statusMessage}` : "") +
                "). Summarise them for a busy reader: the answer " +
                "in two sentences, then the key points as a short list, then anything left open or worth checking." +
                (task.artifacts.length ? "" : " (It has no artifacts yet: say so, and what its status says.)"),
            ),
          ],
        };
      }),
  );
}

function registerPlanAWorkflow(server: McpServer, principal: McpPrincipal) {
  server.registerPrompt(
    "plan_a_workflow",
    {
      title: "Plan a workflow",
      description:
        "Plan a repeatable workflow for a goal from the org's departments, positions and existing workflows.",
      argsSchema: { goal: z.string().min(1).describe("What the workflow should achieve.") },
    },
    (args) =>
      guarded({ prompt: "plan_a_workflow" }, async () => {
        const workflows = hasAnyScope(principal, ["workflows:read"])
          ? (await listWorkflows({ orgId: principal.orgId, actor: workflowActor(principal), limit: 50 })).items
          : [];
        const existing = workflows.length
          ? `\n\nWorkflows the org already has (reuse one if it fits; read its definition as bureau://workflows/{id}):\n` +
            workflows.map((w) => `- ${w.name} (${w.id})${w.latestVersion ? "" : ", not published"}`).join("\n")
          : "";
        return {
          description: `Plan a workflow: ${args.goal.slice(0, 80)}`,
          messages: [
            user(
              `Plan a Bureau workflow for this goal:\n\n${args.goal}\n\nUse the org's staff below: one step per ` +
                "piece of work, each given to the position whose skills fit, in the order their inputs need " +
                "(steps that do not depend on each other can run in parallel). Put an approval step before " +
                "anything costly or risky. For each step give the position, what it receives, what it hands on " +
                "and its price in credits; end with the total.\n\nThe org's departments:\n" +
                `${(await staffLines(principal)).join("\n")}${existing}`,
            ),
          ],
        };
      }),
  );
}

/** The prompts for the common asks, each where the caller's scopes let it act on the answer. */
export function registerPrompts(server: McpServer, principal: McpPrincipal): void {
  if (hasAnyScope(principal, ["tasks:write"])) registerAskTheCompany(server, principal);
  if (hasAnyScope(principal, ["tasks:read"])) registerSummariseTask(server, principal);
  if (hasAnyScope(principal, ["company:read"])) registerPlanAWorkflow(server, principal);
}
