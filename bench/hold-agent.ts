/**
 * A real A2A agent for the in-flight bench, in its own process: the SDK's
 * DefaultRequestHandler behind the same JSON-RPC endpoint the demo agents
 * use (server/a2a/json-rpc-endpoint.ts), on a bare HTTP server. Its card
 * says it streams. Each message: working at once, a progress status about
 * every PROGRESS_MS, then an artifact and completed at HOLD_MS.
 *
 * `node … bench/hold-agent.ts <port>`; HOLD_MS (20000) and PROGRESS_MS
 * (5000) from the environment. GET /stats reports what it has seen, so the
 * bench can tell how many tasks were held at once and whether a message
 * arrived twice (a retry with the same messageId, or a resend under a new one).
 */
import { TaskState, type AgentCard } from "@a2a-js/sdk";
import {
  AgentEvent,
  DefaultRequestHandler,
  InMemoryTaskStore,
  type AgentExecutor,
  type ExecutionEventBus,
  type RequestContext,
} from "@a2a-js/sdk/server";
import { jsonRpcEndpoint, serveJsonRpc } from "../server/a2a/json-rpc-endpoint";
import { artifactEvent, messageText, statusEvent, submittedTask } from "../server/demo-agents/events";
import { serveFetchHandler } from "../tests/support/serve-fetch-handler";

const port = Number(process.argv[2]);
const HOLD_MS = Number(process.env.HOLD_MS ?? 20_000);
const PROGRESS_MS = Number(process.env.PROGRESS_MS ?? 5_000);
const base = `http://127.0.0.1:${port}`;

const stats = {
  received: 0,
  /** Messages that arrived again with a messageId already seen: retries, which the issue allows. */
  sameIdRepeats: 0,
  /** Messages (by their text: the bench makes each unique) that arrived again under a new messageId. */
  resentUnderNewId: 0,
  active: 0,
  peakActive: 0,
  completed: 0,
  canceled: 0,
};
const seenIds = new Set<string>();
const idsByText = new Map<string, string>();
const cancels = new Map<string, () => void>();

const card: AgentCard = {
  name: "Hold agent (bench)",
  description: `Holds every task ${HOLD_MS} ms, reporting progress every ${PROGRESS_MS} ms.`,
  supportedInterfaces: [{ url: base, protocolBinding: "JSONRPC", tenant: "", protocolVersion: "1.0" }],
  provider: { organization: "Bureau bench", url: base },
  version: "1.0.0",
  capabilities: { streaming: true, pushNotifications: false, extensions: [] },
  securitySchemes: {},
  securityRequirements: [],
  defaultInputModes: ["text/plain"],
  defaultOutputModes: ["text/plain", "text/markdown"],
  skills: [
    {
      id: "hold",
      name: "Hold",
      description: "Works for a while, then answers.",
      tags: ["bench"],
      examples: [],
      inputModes: [],
      outputModes: [],
      securityRequirements: [],
    },
  ],
  signatures: [],
} as AgentCard;

const executor: AgentExecutor = {
  async execute(context: RequestContext, bus: ExecutionEventBus) {
    const ids = { taskId: context.taskId, contextId: context.contextId };
    stats.received++;
    const { messageId } = context.userMessage;
    const text = messageText(context.userMessage);
    if (seenIds.has(messageId)) stats.sameIdRepeats++;
    else if (idsByText.has(text)) stats.resentUnderNewId++;
    seenIds.add(messageId);
    idsByText.set(text, messageId);
    stats.active++;
    stats.peakActive = Math.max(stats.peakActive, stats.active);
    bus.publish(AgentEvent.task(submittedTask(ids, context.userMessage)));
    bus.publish(statusEvent(ids, TaskState.TASK_STATE_WORKING, "Holding."));
    const started = Date.now();
    let step = 0;
    const canceled = await new Promise<boolean>((resolve) => {
      const progress = setInterval(() => {
        step++;
        bus.publish(statusEvent(ids, TaskState.TASK_STATE_WORKING, `Progress ${step}: ${Date.now() - started} ms.`));
      }, PROGRESS_MS);
      const finish = (wasCanceled: boolean) => {
        clearInterval(progress);
        clearTimeout(done);
        cancels.delete(ids.taskId);
        resolve(wasCanceled);
      };
      const done = setTimeout(() => finish(false), HOLD_MS);
      cancels.set(ids.taskId, () => finish(true));
    });
    stats.active--;
    if (canceled) {
      stats.canceled++;
      bus.publish(statusEvent(ids, TaskState.TASK_STATE_CANCELED, "Canceled at the caller's request."));
      return;
    }
    bus.publish(
      artifactEvent(ids, {
        artifactId: "result",
        name: "Result",
        description: "What the hold produced.",
        markdown: `Held for ${Date.now() - started} ms with ${step} progress updates.`,
        append: false,
        lastChunk: true,
      }),
    );
    bus.publish(statusEvent(ids, TaskState.TASK_STATE_COMPLETED, "Done."));
    stats.completed++;
  },
  async cancelTask(taskId: string) {
    cancels.get(taskId)?.();
  },
};

const endpoint = jsonRpcEndpoint(card, new DefaultRequestHandler(card, new InMemoryTaskStore(), executor));
await serveFetchHandler(async (request) => {
  const { pathname } = new URL(request.url);
  if (pathname === "/stats") return Response.json(stats);
  if (pathname === "/.well-known/agent-card.json") return Response.json(card);
  if (request.method === "POST" && pathname === "/") return serveJsonRpc(request, endpoint);
  return new Response("not found", { status: 404 });
}, port);
process.stdout.write(`hold agent ready on ${base}\n`);
