import "server-only";
import { z } from "zod";
import { zId, zSlug } from "../../schemas/primitives";
import { askPosition } from "../../services/company/requests/ask-position";
import { startTask } from "../../services/tasks/start-task";
import { taskActor } from "../principal";
import { followTask, ZTaskOutcomeSchema } from "../task-view";
import { defineTool, type ToolContext } from "./tool";

export const MESSAGE_LIMIT = 50_000;

export const zMessage = z
  .string()
  .trim()
  .min(1, "say what the agent should do")
  .max(MESSAGE_LIMIT, `keep it under ${MESSAGE_LIMIT.toLocaleString("en-US")} characters`);

export const zContextId = z
  .string()
  .min(1)
  .max(200)
  .optional()
  .meta({ description: "Continue a conversation: the contextId of an earlier task with this agent." });

/**
 * Starts one task with source MCP, for a listing or as a hired position (a
 * position whose department's policy gates its price waits for a lead first,
 * as a request to its department: askPosition); returns the task's id (for a
 * retry of the same request: the task it started).
 */
export async function startMcpTask(
  target: { agentSlug: string } | { positionId: string },
  message: string,
  contextId: string | undefined,
  ctx: ToolContext,
): Promise<string> {
  const common = {
    orgId: ctx.principal.orgId,
    message: { messageId: ctx.messageId, role: "user" as const, parts: [{ kind: "text" as const, text: message }] },
    actor: taskActor(ctx.principal),
    source: "MCP" as const,
    contextId,
  };
  const started =
    "positionId" in target
      ? await askPosition({ ...common, positionId: target.positionId })
      : await startTask({ ...common, agent: { slug: target.agentSlug } });
  return started.id;
}

const ZRunAgentInputSchema = z
  .object({
    agent: zSlug.optional().meta({ description: "A marketplace agent's slug (search_marketplace lists them)." }),
    positionId: zId.optional().meta({
      description: "Or a hired position's id (list_departments lists them): runs with its instructions and budget.",
    }),
    message: zMessage.meta({ description: "What the agent should do." }),
    contextId: zContextId,
  })
  .refine((a) => (a.agent === undefined) !== (a.positionId === undefined), {
    message: "Name either agent (a listing's slug) or positionId (a hired position), one of them.",
  });

const target = (args: z.output<typeof ZRunAgentInputSchema>) =>
  args.agent ? { agentSlug: args.agent } : { positionId: args.positionId! };

export const runAgent = defineTool({
  name: "run_agent",
  grantKey: "run_agent",
  title: "Run an agent",
  description:
    "Runs a marketplace agent (by slug) or one of the org's hired positions (by id) on a message, as a billed " +
    "task: its price is held from the org's credits and charged when it completes (released if it fails or is " +
    "canceled). Streams progress while the agent works and answers with its status and artifacts (embedded " +
    "resources bureau://tasks/{id}/artifacts/{n}). If the agent asks a question, answer with reply_to_task.",
  input: ZRunAgentInputSchema,
  output: ZTaskOutcomeSchema,
  annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: true },
  scopes: ["tasks:write"],
  startTask: async (args, ctx) => startMcpTask(target(args), args.message, args.contextId, ctx),
  call: async (args, ctx) => {
    const taskId = await startMcpTask(target(args), args.message, args.contextId, ctx);
    return followTask({ orgId: ctx.principal.orgId, taskId, signal: ctx.signal, progress: ctx.progress });
  },
});
