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
import { db } from "@/server/db";
import type { InputJsonValue } from "@/server/generated/prisma/internal/prismaNamespace";
import { createOrg, createUser, unique } from "../../support/factories";

/** The grant as a seller's agent finds it in the message metadata. */
export interface ReceivedGrant {
  token: string;
  rootTaskId: string;
  taskId: string;
  remainingCredits: number;
  depth: number;
  expiresAt: string;
}

export const HOLDER_PATH = "/test-agents/holder";

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

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/**
 * A seller's agent built with the official SDK, the way one that delegates
 * would be: it keeps the bureau/delegation grant of every message it gets
 * (keyed by the message's text, which each test makes unique) and works on
 * the task until the test releases it. A text starting with "ask:" first
 * asks a question back (input required), so a reply's grant can be seen.
 */
export class HoldingAgents {
  private readonly received = new Map<string, ReceivedGrant[]>();
  private readonly gates = new Map<string, ReturnType<typeof deferred<void>>>();
  private released = false;

  /** The grants the agent received with messages of this text, once it has `count` of them. */
  async grantsFor(text: string, count = 1): Promise<ReceivedGrant[]> {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const got = this.received.get(text) ?? [];
      if (got.length >= count) return got;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`the agent never received ${count} message(s) "${text}"`);
  }

  async grantFor(text: string): Promise<ReceivedGrant> {
    return (await this.grantsFor(text))[0]!;
  }

  release(text: string) {
    this.gate(text).resolve();
  }

  /** Lets every task finish (now and from now on). */
  releaseAll() {
    this.released = true;
    for (const gate of this.gates.values()) gate.resolve();
  }

  private gate(text: string) {
    let gate = this.gates.get(text);
    if (!gate) this.gates.set(text, (gate = deferred<void>()));
    if (this.released) gate.resolve();
    return gate;
  }

  private record(text: string, grant: ReceivedGrant) {
    this.received.set(text, [...(this.received.get(text) ?? []), grant]);
  }

  endpoint(url: string) {
    // The server speaks both generations; each listing's stored card says which one Bureau uses.
    const card = {
      ...holderCard(url),
      supportedInterfaces: [
        { url, protocolBinding: "JSONRPC", tenant: "", protocolVersion: "1.0" },
        { url, protocolBinding: "JSONRPC", tenant: "", protocolVersion: "0.3" },
      ],
    };
    const executor: AgentExecutor = {
      execute: (context, bus) => this.execute(context, bus),
      cancelTask: async (taskId, bus) => {
        bus.publish(
          AgentEvent.statusUpdate({
            taskId,
            contextId: "",
            status: { state: TaskState.TASK_STATE_CANCELED, message: undefined, timestamp: new Date().toISOString() },
            metadata: undefined,
          }),
        );
      },
    };
    const rpc = jsonRpcEndpoint(card, new DefaultRequestHandler(card, new InMemoryTaskStore(), executor));
    return (request: Request) => serveJsonRpc(request, rpc);
  }

  private async execute(context: RequestContext, bus: ExecutionEventBus): Promise<void> {
    const ids = { taskId: context.taskId, contextId: context.contextId };
    const text = context.userMessage.parts.map((p) => (p.content?.$case === "text" ? p.content.value : "")).join("");
    const first = context.task?.history.find((m) => m.role === Role.ROLE_USER);
    const key = first ? first.parts.map((p) => (p.content?.$case === "text" ? p.content.value : "")).join("") : text;
    const grant = context.userMessage.metadata?.["bureau/delegation"] as ReceivedGrant | undefined;
    if (grant) this.record(key, grant);
    const status = (state: TaskState, message?: string) =>
      bus.publish(
        AgentEvent.statusUpdate({
          ...ids,
          status: {
            state,
            message: message ? agentMessage(ids, message) : undefined,
            timestamp: new Date().toISOString(),
          },
          metadata: undefined,
        }),
      );
    bus.publish(
      AgentEvent.task(
        context.task
          ? {
              ...context.task,
              status: { state: TaskState.TASK_STATE_WORKING, message: undefined, timestamp: new Date().toISOString() },
            }
          : {
              ...ids,
              id: ids.taskId,
              status: {
                state: TaskState.TASK_STATE_SUBMITTED,
                message: undefined,
                timestamp: new Date().toISOString(),
              },
              artifacts: [],
              history: [context.userMessage],
              metadata: undefined,
            },
      ),
    );
    if (key.startsWith("ask:") && !context.task) {
      status(TaskState.TASK_STATE_INPUT_REQUIRED, "Which quarter?");
      return;
    }
    status(TaskState.TASK_STATE_WORKING, "Working…");
    await this.gate(key).promise;
    bus.publish(
      AgentEvent.artifactUpdate({
        ...ids,
        artifact: {
          artifactId: "answer",
          name: "Answer",
          description: "",
          parts: [textPart(`Answer to ${key}`)],
          metadata: undefined,
          extensions: [],
        },
        append: false,
        lastChunk: true,
        metadata: undefined,
      }),
    );
    status(TaskState.TASK_STATE_COMPLETED, "Done.");
  }
}

export function holderCard(url: string): AgentCard {
  return {
    name: "Holding Agent",
    description: "Works on a task until the test lets it finish.",
    supportedInterfaces: [{ url, protocolBinding: "JSONRPC", tenant: "", protocolVersion: "1.0" }],
    provider: { organization: "Test Sellers", url: "https://sellers.example" },
    version: "1.0.0",
    capabilities: { streaming: true, pushNotifications: false, extensions: [] },
    securitySchemes: {},
    securityRequirements: [],
    defaultInputModes: ["text/plain"],
    defaultOutputModes: ["text/plain"],
    skills: [
      {
        id: "hold",
        name: "Hold",
        description: "Holds a task.",
        tags: ["hold"],
        examples: [],
        inputModes: [],
        outputModes: [],
        securityRequirements: [],
      },
    ],
    signatures: [],
  };
}

/** The card of a seller that speaks only A2A v0.3 (the SDK serves both on one URL; the card decides). */
export function legacyHolderCard(url: string) {
  return {
    ...holderCard(url),
    supportedInterfaces: [{ url, protocolBinding: "JSONRPC", tenant: "", protocolVersion: "0.3" }],
    url,
    preferredTransport: "JSONRPC",
    protocolVersion: "0.3.0",
  };
}

/** A seller org publishing listings that all run on the holding agent, each at its own price. */
export async function holdingListings(prices: number[], opts: { legacy?: boolean } = {}) {
  const seller = await createUser("Seller");
  const sellerOrg = await createOrg(seller.id, "Holding Sellers");
  const url = `${process.env.APP_URL}${HOLDER_PATH}`;
  const listings = [];
  for (const [i, price] of prices.entries()) {
    const suffix = unique();
    listings.push(
      await db.agent.create({
        data: {
          orgId: sellerOrg.id,
          slug: `holder-${i}-${suffix}`,
          name: `Holder ${i} ${suffix}`,
          description: "Holds a task until released.",
          endpointUrl: url,
          pricePerTask: price,
          status: "PUBLISHED",
          versions: {
            create: {
              version: 1,
              card: (opts.legacy ? legacyHolderCard(url) : holderCard(url)) as unknown as InputJsonValue,
            },
          },
        },
      }),
    );
  }
  return { sellerOrg, listings };
}
