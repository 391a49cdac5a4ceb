import type { ApiKeyScope } from "@/server/auth/api-key-scopes";
import { gatewayUrl } from "@/server/a2a/urls";
import { createApiKey } from "@/server/services/api-keys/create-api-key";

/** Raw JSON-RPC over real HTTP, for what the official client would never send. */
export type Version = "1.0" | "0.3";
export const VERSIONS: Version[] = ["1.0", "0.3"];

export interface RpcAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The JSON body, or for an SSE answer the array of its frames' JSON. */
  json: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export async function postRaw(
  url: string,
  body: string,
  headers: Record<string, string> = {},
  timeoutMs = 10_000,
): Promise<RpcAnswer> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  const sse = response.headers.get("content-type")?.startsWith("text/event-stream");
  let json: unknown = null;
  try {
    json = sse
      ? text
          .split("\n")
          .filter((line) => line.startsWith("data: "))
          .map((line) => JSON.parse(line.slice(6)))
      : JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, headers: response.headers, text, json };
}

export function rpc(
  key: string,
  slug: string,
  version: Version,
  method: string,
  params: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<RpcAnswer> {
  const body = JSON.stringify({ jsonrpc: "2.0", id: 1, method, params });
  return postRaw(gatewayUrl(slug), body, { authorization: `Bearer ${key}`, "a2a-version": version, ...extraHeaders });
}

/** The error of an answer: the envelope's, or an SSE stream's first error frame. */
export function rpcError(answer: RpcAnswer): { code: number; message: string; data?: unknown } | undefined {
  const frames = Array.isArray(answer.json) ? answer.json : [answer.json];
  return frames.find((f) => f && typeof f === "object" && "error" in f)?.error;
}

export async function keyWithScopes(owner: { orgId: string; userId: string }, scopes: ApiKeyScope[]) {
  const { key } = await createApiKey({ ...owner, name: `scoped ${scopes.join(" ")}`, scopes, expiresInDays: null });
  return key;
}

export const textMessage = (version: Version, text: string, ids: { messageId?: string; taskId?: unknown } = {}) =>
  version === "1.0"
    ? { messageId: ids.messageId ?? crypto.randomUUID(), role: "ROLE_USER", parts: [{ text }], taskId: ids.taskId }
    : {
        kind: "message",
        messageId: ids.messageId ?? crypto.randomUUID(),
        role: "user",
        parts: [{ kind: "text", text }],
        taskId: ids.taskId,
      };

type Call = { method: string; params: unknown };

/**
 * Every task method in both protocol generations, built around a task id
 * (which a test may replace with anything at all).
 */
export const CALLS: Record<string, (v: Version, taskId: unknown) => Call | null> = {
  send: (v, taskId) => ({
    method: v === "1.0" ? "SendMessage" : "message/send",
    params: {
      message: textMessage(v, "more detail", { taskId }),
      configuration: v === "1.0" ? { returnImmediately: true } : { blocking: false },
    },
  }),
  stream: (v, taskId) => ({
    method: v === "1.0" ? "SendStreamingMessage" : "message/stream",
    params: { message: textMessage(v, "more detail", { taskId }) },
  }),
  get: (v, id) => ({ method: v === "1.0" ? "GetTask" : "tasks/get", params: { id } }),
  list: (v) => (v === "1.0" ? { method: "ListTasks", params: {} } : null),
  cancel: (v, id) => ({ method: v === "1.0" ? "CancelTask" : "tasks/cancel", params: { id } }),
  subscribe: (v, id) => ({ method: v === "1.0" ? "SubscribeToTask" : "tasks/resubscribe", params: { id } }),
  createPush: (v, taskId) =>
    v === "1.0"
      ? { method: "CreateTaskPushNotificationConfig", params: { taskId, id: "new-hook", url: HOOK_URL } }
      : {
          method: "tasks/pushNotificationConfig/set",
          params: { taskId, pushNotificationConfig: { id: "new-hook", url: HOOK_URL } },
        },
  getPush: (v, taskId) =>
    v === "1.0"
      ? { method: "GetTaskPushNotificationConfig", params: { taskId, id: "kept-hook" } }
      : { method: "tasks/pushNotificationConfig/get", params: { id: taskId, pushNotificationConfigId: "kept-hook" } },
  listPush: (v, taskId) =>
    v === "1.0"
      ? { method: "ListTaskPushNotificationConfigs", params: { taskId } }
      : { method: "tasks/pushNotificationConfig/list", params: { id: taskId } },
  deletePush: (v, taskId) =>
    v === "1.0"
      ? { method: "DeleteTaskPushNotificationConfig", params: { taskId, id: "kept-hook" } }
      : {
          method: "tasks/pushNotificationConfig/delete",
          params: { id: taskId, pushNotificationConfigId: "kept-hook" },
        },
};

export const WRITE_CALLS = ["send", "stream", "cancel", "createPush", "deletePush"] as const;
export const READ_CALLS = ["get", "list", "subscribe", "getPush", "listPush"] as const;

/** A webhook the SSRF policy of the tests accepts (nothing listens; no push is due in these tests). */
export const HOOK_URL = "http://127.0.0.1:9/hook";
