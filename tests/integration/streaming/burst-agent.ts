import { Role, TaskState, type AgentCard, type Message, type Part } from "@a2a-js/sdk";
import {
  AgentEvent,
  DefaultRequestHandler,
  InMemoryTaskStore,
  type AgentExecutor,
  type ExecutionEventBus,
  type RequestContext,
} from "@a2a-js/sdk/server";
import { jsonRpcEndpoint, serveJsonRpc } from "@/server/a2a/json-rpc-endpoint";

export const PROGRESS_UPDATES = 25;
export const ARTIFACT_CHUNKS = 30;
/** The agent waits here, half way through, until the test lets it go on. */
export const EVENTS_BEFORE_GATE = 27;

export type Step = { kind: "status"; text: string } | { kind: "chunk"; index: number; text: string };

export const chunkText = (index: number) =>
  index === 0 ? `# Report\n\n| n | square |\n| - | - |\n` : `| ${index} | ${index * index} |\n`;

/**
 * What the agent streams, in order: progress updates and artifact chunks
 * interleaved (status, chunk, status, chunk, …), the remaining chunks after
 * the last progress update, then COMPLETED.
 */
export function burstSteps(): Step[] {
  const steps: Step[] = [];
  for (let i = 0; i < Math.max(PROGRESS_UPDATES, ARTIFACT_CHUNKS); i++) {
    if (i < PROGRESS_UPDATES) steps.push({ kind: "status", text: `Step ${i + 1}/${PROGRESS_UPDATES}` });
    if (i < ARTIFACT_CHUNKS) steps.push({ kind: "chunk", index: i, text: chunkText(i) });
  }
  return steps;
}

const textPart = (text: string): Part => ({
  content: { $case: "text", value: text },
  metadata: undefined,
  filename: "",
  mediaType: "text/plain",
});

const agentMessage = (ids: { taskId: string; contextId: string }, text: string): Message => ({
  messageId: crypto.randomUUID(),
  role: Role.ROLE_AGENT,
  parts: [textPart(text)],
  taskId: ids.taskId,
  contextId: ids.contextId,
  metadata: undefined,
  extensions: [],
  referenceTaskIds: [],
});

/**
 * An agent built the way a seller builds one with the official SDK: it
 * publishes every event back to back, with no pause between them, except
 * at the gate the test holds (keyed by the request's text).
 */
class BurstExecutor implements AgentExecutor {
  constructor(private readonly gates: Map<string, Promise<void>>) {}

  execute = async (context: RequestContext, bus: ExecutionEventBus): Promise<void> => {
    const ids = { taskId: context.taskId, contextId: context.contextId };
    const status = (state: TaskState, text?: string) =>
      bus.publish(
        AgentEvent.statusUpdate({
          ...ids,
          status: { state, message: text ? agentMessage(ids, text) : undefined, timestamp: new Date().toISOString() },
          metadata: undefined,
        }),
      );
    bus.publish(
      AgentEvent.task({
        id: ids.taskId,
        contextId: ids.contextId,
        status: { state: TaskState.TASK_STATE_SUBMITTED, message: undefined, timestamp: new Date().toISOString() },
        artifacts: [],
        history: [context.userMessage],
        metadata: undefined,
      }),
    );
    const input = context.userMessage.parts.map((p) => (p.content?.$case === "text" ? p.content.value : "")).join("");
    const steps = burstSteps();
    for (const [n, step] of steps.entries()) {
      if (n === EVENTS_BEFORE_GATE) await this.gates.get(input);
      if (step.kind === "status") status(TaskState.TASK_STATE_WORKING, step.text);
      else
        bus.publish(
          AgentEvent.artifactUpdate({
            ...ids,
            artifact: {
              artifactId: "report",
              name: "Squares",
              description: "A table, streamed row by row",
              parts: [textPart(step.text)],
              metadata: undefined,
              extensions: [],
            },
            append: step.index > 0,
            lastChunk: step.index === ARTIFACT_CHUNKS - 1,
            metadata: undefined,
          }),
        );
    }
    status(TaskState.TASK_STATE_COMPLETED, "Report ready.");
  };

  cancelTask = async (): Promise<void> => {};
}

export function burstAgentCard(url: string): AgentCard {
  return {
    name: "Burst Reporter",
    description: "Streams many progress updates and artifact chunks at once.",
    supportedInterfaces: [{ url, protocolBinding: "JSONRPC", tenant: "", protocolVersion: "1.0" }],
    provider: { organization: "Test Sellers", url: "https://sellers.example" },
    version: "1.0.0",
    capabilities: { streaming: true, pushNotifications: false, extensions: [] },
    securitySchemes: {},
    securityRequirements: [],
    defaultInputModes: ["text/plain"],
    defaultOutputModes: ["text/markdown"],
    skills: [
      {
        id: "report",
        name: "Report",
        description: "Writes a report.",
        tags: ["report"],
        examples: [],
        inputModes: [],
        outputModes: [],
        securityRequirements: [],
      },
    ],
    signatures: [],
  };
}

/** The agent's JSON-RPC endpoint as a fetch handler (mounted on a real HTTP server by the test). */
export function burstAgentEndpoint(url: string, gates: Map<string, Promise<void>>) {
  const card = burstAgentCard(url);
  const endpoint = jsonRpcEndpoint(
    card,
    new DefaultRequestHandler(card, new InMemoryTaskStore(), new BurstExecutor(gates)),
  );
  return (request: Request) => serveJsonRpc(request, endpoint);
}
