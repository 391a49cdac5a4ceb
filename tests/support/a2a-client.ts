import { Role, type Message, type SendMessageRequest, type StreamResponse, type Task } from "@a2a-js/sdk";
import { ClientFactory, DefaultAgentCardResolver, JsonRpcTransportFactory, type Client } from "@a2a-js/sdk/client";

/** fetch that sends an org API key, the way a program calling Bureau would. */
export const bearerFetch =
  (apiKey: string): typeof fetch =>
  (input, init) => {
    const headers = new Headers(init?.headers);
    headers.set("authorization", `Bearer ${apiKey}`);
    return fetch(input, { ...init, headers });
  };

/** The official A2A client for a gateway card URL, authenticated with an org API key. */
export async function gatewayClient(cardUrl: string, apiKey: string): Promise<Client> {
  const fetchImpl = bearerFetch(apiKey);
  return new ClientFactory({
    transports: [new JsonRpcTransportFactory({ fetchImpl, legacyCompat: { enabled: true } })],
    cardResolver: new DefaultAgentCardResolver({ fetchImpl }),
  }).createFromUrl(cardUrl, "");
}

export function userMessage(
  text: string,
  ids: { taskId?: string; contextId?: string; messageId?: string } = {},
): Message {
  return {
    messageId: ids.messageId ?? crypto.randomUUID(),
    role: Role.ROLE_USER,
    parts: [{ content: { $case: "text", value: text }, metadata: undefined, filename: "", mediaType: "text/plain" }],
    taskId: ids.taskId ?? "",
    contextId: ids.contextId ?? "",
    metadata: undefined,
    extensions: [],
    referenceTaskIds: [],
  };
}

export function sendRequest(
  text: string,
  opts: { taskId?: string; returnImmediately?: boolean; messageId?: string } = {},
): SendMessageRequest {
  return {
    tenant: "",
    message: userMessage(text, opts),
    configuration: {
      acceptedOutputModes: [],
      taskPushNotificationConfig: undefined,
      returnImmediately: opts.returnImmediately ?? false,
    },
    metadata: undefined,
  };
}

export function asTask(result: Message | Task): Task {
  if (!("status" in result)) throw new Error(`expected a task, got a message: ${JSON.stringify(result)}`);
  return result;
}

export const partsText = (parts: Message["parts"]) =>
  parts.map((p) => (p.content?.$case === "text" ? p.content.value : "")).join("");
export const artifactText = (task: Task) => partsText(task.artifacts.flatMap((a) => a.parts));

export async function collect(stream: AsyncGenerator<StreamResponse>) {
  const events: NonNullable<StreamResponse["payload"]>[] = [];
  for await (const event of stream) if (event.payload) events.push(event.payload);
  return events;
}
