import { Role, TaskState, type AgentCard, type Message } from "@a2a-js/sdk";
import {
  AgentEvent,
  DefaultRequestHandler,
  InMemoryTaskStore,
  type AgentExecutor,
  type ExecutionEventBus,
  type RequestContext,
} from "@a2a-js/sdk/server";
import { jsonRpcEndpoint, serveJsonRpc } from "@/server/a2a/json-rpc-endpoint";
import { db } from "@/server/db";
import type { InputJsonValue } from "@/server/generated/prisma/internal/prismaNamespace";
import { createOrg, createUser, unique } from "../../support/factories";
import { burstAgentCard } from "../streaming/burst-agent";

const AGENT_PATH = "/api/test-agents/mcp-gated";
/** Progress updates the agent streams before it waits at its gate. */
export const STEPS_BEFORE_GATE = 8;

const agentMessage = (ids: { taskId: string; contextId: string }, text: string): Message => ({
  messageId: crypto.randomUUID(),
  role: Role.ROLE_AGENT,
  parts: [{ content: { $case: "text", value: text }, metadata: undefined, filename: "", mediaType: "text/plain" }],
  taskId: ids.taskId,
  contextId: ids.contextId,
  metadata: undefined,
  extensions: [],
  referenceTaskIds: [],
});

/**
 * A seller's agent on the official A2A SDK that streams a few steps, then
 * waits until the test opens its gate (keyed by the request's text) or the
 * task is cancelled, which it honours at once as an agent should.
 */
class GatedExecutor implements AgentExecutor {
  private readonly cancelled = new Map<string, () => void>();
  constructor(private readonly gates: Map<string, Promise<void>>) {}

  execute = async (context: RequestContext, bus: ExecutionEventBus): Promise<void> => {
    const ids = { taskId: context.taskId, contextId: context.contextId };
    const status = (state: TaskState, text: string) =>
      bus.publish(
        AgentEvent.statusUpdate({
          ...ids,
          status: { state, message: agentMessage(ids, text), timestamp: new Date().toISOString() },
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
    for (let step = 1; step <= STEPS_BEFORE_GATE; step++) status(TaskState.TASK_STATE_WORKING, `Step ${step}`);
    const input = context.userMessage.parts.map((p) => (p.content?.$case === "text" ? p.content.value : "")).join("");
    const stopped = new Promise<"cancelled">((resolve) => this.cancelled.set(ids.taskId, () => resolve("cancelled")));
    const outcome = await Promise.race([this.gates.get(input) ?? Promise.resolve(), stopped]);
    this.cancelled.delete(ids.taskId);
    if (outcome === "cancelled") return;
    status(TaskState.TASK_STATE_COMPLETED, "Report ready.");
    bus.finished();
  };

  cancelTask = async (taskId: string, bus: ExecutionEventBus): Promise<void> => {
    this.cancelled.get(taskId)?.();
    bus.publish(
      AgentEvent.statusUpdate({
        taskId,
        contextId: "",
        status: { state: TaskState.TASK_STATE_CANCELED, message: undefined, timestamp: new Date().toISOString() },
        metadata: undefined,
      }),
    );
    bus.finished();
  };
}

function card(url: string): AgentCard {
  return { ...burstAgentCard(url), name: "Gated Reporter", description: "Streams a few steps, then waits." };
}

/** The gated agent over real HTTP at APP_URL, a way to hold it, and a published listing of it. */
export function gatedAgent() {
  const gates = new Map<string, Promise<void>>();
  let handler: ((request: Request) => Promise<Response>) | undefined;
  const url = () => `${process.env.APP_URL}${AGENT_PATH}`;
  const route = {
    pattern: new RegExp(`^${AGENT_PATH}$`),
    handle: (request: Request) => {
      handler ??= (() => {
        const endpoint = jsonRpcEndpoint(
          card(url()),
          new DefaultRequestHandler(card(url()), new InMemoryTaskStore(), new GatedExecutor(gates)),
        );
        return (r: Request) => serveJsonRpc(r, endpoint);
      })();
      return handler(request);
    },
  };
  /** Holds the agent at its gate for a message with this text, until the returned function is called. */
  const hold = (text: string) => {
    let open!: () => void;
    gates.set(text, new Promise<void>((resolve) => (open = resolve)));
    return () => {
      open();
      gates.delete(text);
    };
  };
  const publish = async (price = 5) => {
    const seller = await createUser("Seller");
    const sellerOrg = await createOrg(seller.id, "Gated Sellers");
    const suffix = unique();
    return db.agent.create({
      data: {
        orgId: sellerOrg.id,
        slug: `gated-reporter-${suffix}`,
        name: `Gated Reporter ${suffix}`,
        description: "Streams progress, then waits for the test.",
        endpointUrl: url(),
        pricePerTask: price,
        status: "PUBLISHED",
        versions: { create: { version: 1, card: card(url()) as unknown as InputJsonValue } },
      },
    });
  };
  return { route, hold, publish };
}
