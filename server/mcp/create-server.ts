import "server-only";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { RequestHandlerExtra } from "@modelcontextprotocol/sdk/shared/protocol.js";
import {
  CallToolRequestSchema,
  ErrorCode,
  ListToolsRequestSchema,
  McpError,
  type CallToolRequest,
  type CallToolResult,
  type CreateTaskResult,
  type ServerNotification,
  type ServerRequest,
} from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { appUrl } from "../env";
import { isDomainError } from "../errors";
import { guarded, toMcpError } from "./errors";
import { principalForLog, type McpPrincipal } from "./principal";
import { registerPrompts } from "./prompts";
import { registerResources } from "./resources";
import { mcpMessageId } from "./session";
import { BureauTaskStore } from "./task-store";
import { toolsFor } from "./tools/registry";
import { callToolResult, toolError, toolListing, type AnyTool, type ToolContext } from "./tools/tool";

type Extra = RequestHandlerExtra<ServerRequest, ServerNotification>;

const INSTRUCTIONS =
  "Bureau runs an organization's AI agents as the departments of a company. Use search_marketplace and " +
  "run_agent for marketplace agents, list_departments and ask_department (or a position's own tool, " +
  "<department>__<id>) for the org's hired staff, and get_task / reply_to_task to follow work. Tasks are " +
  "billed in credits (credits_balance); artifacts are resources bureau://tasks/{id}/artifacts/{n}.";

/** Sends progress when the request carried a progressToken; a closed stream just drops it. */
function progressReporter(extra: Extra): ToolContext["progress"] {
  const token = extra._meta?.progressToken;
  if (token === undefined) return async () => {};
  let progress = 0;
  return async (message) => {
    progress += 1;
    await extra
      .sendNotification({ method: "notifications/progress", params: { progressToken: token, progress, message } })
      .catch(() => undefined);
  };
}

/**
 * The MCP server one request is served by, built for its caller: the tools
 * they may see (tools/list and tools/call are Bureau's own handlers, since
 * the list depends on the caller, the org's hires and its grants), the
 * resources and prompts their scopes reach, and task-based execution over
 * Bureau's tasks. Nothing in it outlives the request.
 */
export function createMcpServer({ principal, sessionId }: { principal: McpPrincipal; sessionId: string | null }) {
  const taskStore = new BureauTaskStore(principal);
  const server = new McpServer(
    { name: "bureau", title: "Bureau", version: "1.0.0", websiteUrl: appUrl() },
    {
      capabilities: {
        resources: {},
        prompts: {},
        logging: {},
        tasks: { list: {}, cancel: {}, requests: { tools: { call: {} } } },
      },
      taskStore,
      instructions: INSTRUCTIONS,
    },
  );
  server.server.registerCapabilities({ tools: { listChanged: true } });
  let registry: Promise<Map<string, AnyTool>> | null = null;
  const tools = () => (registry ??= toolsFor(principal));
  const log = principalForLog(principal);

  server.server.setRequestHandler(ListToolsRequestSchema, () =>
    guarded({ method: "tools/list", ...log }, async () => ({ tools: [...(await tools()).values()].map(toolListing) })),
  );
  server.server.setRequestHandler(CallToolRequestSchema, async (request, extra) => {
    const tool = await guarded({ method: "tools/call", ...log }, async () => (await tools()).get(request.params.name));
    // A tool the caller may not see reads exactly as one that does not exist.
    if (!tool) throw new McpError(ErrorCode.InvalidParams, `Unknown tool: ${request.params.name}`);
    return callTool(tool, request, extra, { principal, sessionId, taskStore });
  });

  registerResources(server, principal);
  registerPrompts(server, principal);
  return server;
}

async function callTool(
  tool: AnyTool,
  request: CallToolRequest,
  extra: Extra,
  {
    principal,
    sessionId,
    taskStore,
  }: { principal: McpPrincipal; sessionId: string | null; taskStore: BureauTaskStore },
): Promise<CallToolResult | CreateTaskResult> {
  const asTask = request.params.task !== undefined;
  const parsed = await tool.input.safeParseAsync(request.params.arguments ?? {});
  if (!parsed.success) {
    // Input errors go back to the model as a tool result, so it can correct its call.
    const message = `Invalid arguments for ${tool.name}: ${z.prettifyError(parsed.error)}`;
    if (asTask) throw new McpError(ErrorCode.InvalidParams, message);
    return toolError(message);
  }
  const ctx: ToolContext = {
    principal,
    signal: extra.signal,
    messageId: mcpMessageId(principal, sessionId, extra.requestId),
    progress: progressReporter(extra),
  };
  try {
    if (asTask) {
      if (!tool.startTask)
        throw new McpError(ErrorCode.InvalidParams, `${tool.name} answers at once; call it without "task".`);
      const taskId = await tool.startTask(parsed.data, ctx);
      const task = await taskStore.getTask(taskId);
      if (!task) throw new Error(`task ${taskId} was not found right after it started`);
      return { task };
    }
    return callToolResult(await tool.call(parsed.data, ctx));
  } catch (error) {
    // A rule of Bureau's (no credits, unknown agent, a paused position): the model reads why.
    if (!asTask && isDomainError(error)) return toolError(error.message);
    throw toMcpError(error, { tool: tool.name, ...principalForLog(principal) });
  }
}
