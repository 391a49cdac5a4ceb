import "server-only";
import { z } from "zod";
import { zSlug } from "../../schemas/primitives";
import { getCompanyChart } from "../../services/company/departments/get-company-chart";
import { askDepartment, REQUEST_TEXT_LIMIT } from "../../services/company/requests/ask-department";
import { companyActor, taskActor } from "../principal";
import { followTask, ZTaskOutcomeSchema } from "../task-view";
import { positionToolName } from "./positions";
import { zContextId } from "./run-agent";
import { defineTool, type ToolContext } from "./tool";

export const listDepartments = defineTool({
  name: "list_departments",
  grantKey: "list_departments",
  title: "List departments",
  description:
    "The org's company: each department (and team, under its parent) with its mission, budget, this month's spend " +
    "and staff: the hired positions, their agents, and each active position's own tool name.",
  input: z.object({}),
  output: z.object({
    departments: z.array(
      z.object({
        slug: z.string().meta({ description: "Pass it to ask_department." }),
        name: z.string(),
        mission: z.string(),
        parentSlug: z.string().nullable(),
        monthlyBudgetCredits: z.number().int().nullable(),
        spentThisMonthCredits: z.number().int(),
        positions: z.array(
          z.object({
            id: z.string().meta({ description: "Pass it to run_agent as positionId." }),
            title: z.string(),
            status: z.string(),
            agent: z.object({ slug: z.string(), name: z.string(), priceCredits: z.number().int() }),
            tool: z.string().nullable().meta({ description: "The position's own tool (active positions only)." }),
          }),
        ),
      }),
    ),
  }),
  annotations: { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false },
  scopes: ["company:read"],
  call: async (_args, ctx) => {
    const chart = await getCompanyChart({ orgId: ctx.principal.orgId, actor: companyActor(ctx.principal) });
    const slugOf = new Map(chart.departments.map((d) => [d.id, d.slug]));
    const departments = chart.departments.map((d) => ({
      slug: d.slug,
      name: d.name,
      mission: d.mission,
      parentSlug: d.parentId ? (slugOf.get(d.parentId) ?? null) : null,
      monthlyBudgetCredits: d.budget.capCredits,
      spentThisMonthCredits: d.month.rolledUpSpentCredits,
      positions: d.positions.map((p) => ({
        id: p.id,
        title: p.title,
        status: p.status,
        agent: { slug: p.agent.slug, name: p.agent.name, priceCredits: p.agent.priceCredits },
        tool: p.status === "ACTIVE" ? positionToolName(d.slug, p.id) : null,
      })),
    }));
    const lines = departments.map(
      (d) =>
        `- ${d.name} (${d.slug})${d.mission ? `: ${d.mission}` : ""}; staff: ` +
        (d.positions.map((p) => `${p.title} (${p.agent.name})`).join(", ") || "none"),
    );
    return {
      text: departments.length ? lines.join("\n") : "The org has no departments yet.",
      structured: { departments },
    };
  },
});

const ZAskInputSchema = z.object({
  department: zSlug
    .optional()
    .meta({ description: "The department's slug (list_departments). Leave it out to ask the whole company." }),
  request: z
    .string()
    .trim()
    .min(1, "say what you need")
    .max(REQUEST_TEXT_LIMIT, `keep it under ${REQUEST_TEXT_LIMIT} characters`)
    .meta({ description: "What you need, in plain words." }),
  contextId: zContextId,
});

function ask(args: z.output<typeof ZAskInputSchema>, ctx: ToolContext) {
  return askDepartment({
    orgId: ctx.principal.orgId,
    departmentSlug: args.department ?? null,
    message: { messageId: ctx.messageId, role: "user", parts: [{ kind: "text", text: args.request }] },
    actor: taskActor(ctx.principal),
    source: "MCP",
    contextId: args.contextId,
  });
}

export const askDepartmentTool = defineTool({
  name: "ask_department",
  grantKey: "ask_department",
  title: "Ask a department",
  description:
    "Asks a department (or, with none named, the whole company) for something. Its manager routes the request " +
    "to one of its positions, plans it across positions and departments, or asks back. This follows the request " +
    "with progress until it completes, asks a question (answer with reply_to_task) or waits for an approval, " +
    "and answers with its status, the manager's decision and the artifacts. Its work is billed tasks.",
  input: ZAskInputSchema,
  output: ZTaskOutcomeSchema,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  scopes: ["tasks:write"],
  startTask: async (args, ctx) => (await ask(args, ctx)).id,
  call: async (args, ctx) => {
    const started = await ask(args, ctx);
    return followTask({ orgId: ctx.principal.orgId, taskId: started.id, signal: ctx.signal, progress: ctx.progress });
  },
});
