import "server-only";
import type { CallToolResult, EmbeddedResource, Tool, ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { McpPrincipal } from "../principal";

/** What a tool call can use besides its arguments. */
export interface ToolContext {
  principal: McpPrincipal;
  /**
   * Aborts when the caller's connection goes: stop following and return.
   * Never a cancellation (over Streamable HTTP a client cancels with
   * notifications/cancelled, which reaches the task on any process).
   */
  signal: AbortSignal;
  /** Bureau's messageId for work this call starts (see session.ts). */
  messageId: string;
  /** Reports progress when the client gave a progressToken (otherwise nothing happens). */
  progress: (message: string) => Promise<void>;
}

/** A tool's answer: text for the model, the structured value matching its output schema, embedded resources. */
export interface ToolAnswer<S> {
  text: string;
  structured: S;
  resources?: EmbeddedResource["resource"][];
  /** The work failed (the call itself went through): the model should read the text. */
  isError?: boolean;
}

export interface McpTool<I extends z.ZodObject = z.ZodObject, O extends z.ZodObject = z.ZodObject> {
  /** Stable: clients and grants key on it. */
  name: string;
  /** What grants store: the name, or "position:<id>" for a position's tool (stable when it moves). */
  grantKey: string;
  title: string;
  description: string;
  input: I;
  output: O;
  annotations: Required<Pick<ToolAnnotations, "readOnlyHint" | "destructiveHint" | "idempotentHint" | "openWorldHint">>;
  /** Any one of these scopes lets a caller see and call the tool (the services check their own rules too). */
  scopes: readonly string[];
  /**
   * Task-augmented execution (tools/call with `task`): starts the work and
   * returns its Bureau task id at once; tasks/get, tasks/result and
   * tasks/cancel follow that task (task-store.ts).
   */
  startTask?: (args: z.output<I>, ctx: ToolContext) => Promise<string>;
  call: (args: z.output<I>, ctx: ToolContext) => Promise<ToolAnswer<z.input<O>>>;
}

/** Declares a tool (an identity function that lets TypeScript infer the handler's types). */
export function defineTool<I extends z.ZodObject, O extends z.ZodObject>(tool: McpTool<I, O>): McpTool<I, O> {
  return tool;
}

export type AnyTool = McpTool<z.ZodObject, z.ZodObject>;

const jsonSchemaOf = (schema: z.ZodType, io: "input" | "output") =>
  z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as Tool["inputSchema"];

/** The tools/list entry. */
export function toolListing(tool: AnyTool): Tool {
  return {
    name: tool.name,
    title: tool.title,
    description: tool.description,
    inputSchema: jsonSchemaOf(tool.input, "input"),
    outputSchema: jsonSchemaOf(tool.output, "output") as Tool["outputSchema"],
    annotations: { title: tool.title, ...tool.annotations },
    ...(tool.startTask ? { execution: { taskSupport: "optional" as const } } : {}),
  };
}

export function callToolResult(answer: ToolAnswer<unknown>): CallToolResult {
  return {
    content: [
      { type: "text", text: answer.text },
      ...(answer.resources ?? []).map((resource) => ({ type: "resource" as const, resource })),
    ],
    structuredContent: answer.structured as Record<string, unknown>,
    ...(answer.isError ? { isError: true } : {}),
  };
}

/** A refusal the model should read (bad arguments, a rule of Bureau's): a tool result, not a protocol error. */
export function toolError(message: string): CallToolResult {
  return { content: [{ type: "text", text: message }], isError: true };
}
