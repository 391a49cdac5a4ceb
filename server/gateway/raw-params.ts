import "server-only";
import {
  CancelTaskRequest,
  DeleteTaskPushNotificationConfigRequest,
  GetExtendedAgentCardRequest,
  GetTaskPushNotificationConfigRequest,
  GetTaskRequest,
  ListTaskPushNotificationConfigsRequest,
  ListTasksRequest,
  SendMessageRequest,
  SubscribeToTaskRequest,
  TaskPushNotificationConfig,
} from "@a2a-js/sdk";
import { z } from "zod";
import { describeIssue } from "./request-schemas";

/**
 * The check before the SDK sees a request's params: only that its
 * converters will not crash on them (a null part, a missing push config, a
 * `toString` key), which would surface as -32603 instead of -32602. What
 * the values mean is checked after the SDK, in request-schemas.ts.
 *
 * v1.0: the SDK's own protobuf JSON decoders, run here first, so whatever
 * would throw inside the transport is refused as bad params. v0.3: the
 * compat layer's input shapes, as zod schemas (its converters are not
 * exported).
 */
const V1_DECODERS = new Map<string, (params: unknown) => unknown>([
  ["SendMessage", SendMessageRequest.fromJSON],
  ["SendStreamingMessage", SendMessageRequest.fromJSON],
  ["GetTask", GetTaskRequest.fromJSON],
  ["ListTasks", ListTasksRequest.fromJSON],
  ["CancelTask", CancelTaskRequest.fromJSON],
  ["SubscribeToTask", SubscribeToTaskRequest.fromJSON],
  ["CreateTaskPushNotificationConfig", TaskPushNotificationConfig.fromJSON],
  ["GetTaskPushNotificationConfig", GetTaskPushNotificationConfigRequest.fromJSON],
  ["DeleteTaskPushNotificationConfig", DeleteTaskPushNotificationConfigRequest.fromJSON],
  ["ListTaskPushNotificationConfigs", ListTaskPushNotificationConfigsRequest.fromJSON],
  ["GetExtendedAgentCard", GetExtendedAgentCardRequest.fromJSON],
]);

const opt = <T extends z.ZodType>(schema: T) => schema.nullish();
const strings = z.array(z.string());
const metadata = z.record(z.string(), z.unknown());
const pushConfig = z.looseObject({
  url: z.string(),
  id: opt(z.string()),
  token: opt(z.string()),
  authentication: opt(z.looseObject({ schemes: opt(strings), credentials: opt(z.string()) })),
});
const file = z.union([
  z.looseObject({ bytes: z.string(), mimeType: opt(z.string()), name: opt(z.string()) }),
  z.looseObject({ uri: z.string(), mimeType: opt(z.string()), name: opt(z.string()) }),
]);
const part = z.discriminatedUnion("kind", [
  z.looseObject({ kind: z.literal("text"), text: z.string(), metadata: opt(metadata) }),
  z.looseObject({ kind: z.literal("file"), file, metadata: opt(metadata) }),
  z.looseObject({ kind: z.literal("data"), data: z.unknown(), metadata: opt(metadata) }),
]);
const message = z.looseObject({
  messageId: z.string(),
  role: z.enum(["user", "agent"]),
  parts: z.array(part),
  contextId: opt(z.string()),
  taskId: opt(z.string()),
  metadata: opt(metadata),
  extensions: opt(strings),
  referenceTaskIds: opt(strings),
});
const send = z.looseObject({
  message,
  configuration: opt(
    z.looseObject({
      acceptedOutputModes: opt(strings),
      pushNotificationConfig: opt(pushConfig),
      historyLength: opt(z.number()),
      blocking: opt(z.boolean()),
    }),
  ),
  metadata: opt(metadata),
});
const taskRef = z.looseObject({ id: z.string(), metadata: opt(metadata) });

const V03_SCHEMAS = new Map<string, z.ZodType>([
  ["message/send", send],
  ["message/stream", send],
  ["tasks/get", taskRef.extend({ historyLength: opt(z.number()) })],
  ["tasks/cancel", taskRef],
  ["tasks/resubscribe", taskRef],
  ["tasks/pushNotificationConfig/set", z.looseObject({ taskId: z.string(), pushNotificationConfig: pushConfig })],
  ["tasks/pushNotificationConfig/get", taskRef.extend({ pushNotificationConfigId: opt(z.string()) })],
  ["tasks/pushNotificationConfig/list", taskRef],
  ["tasks/pushNotificationConfig/delete", taskRef.extend({ pushNotificationConfigId: z.string() })],
]);

const isPlainObject = (value: unknown) => typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * A sentence saying what is wrong with the params, or null when the SDK can
 * take them (an unknown method or version is left to the SDK: -32601, -32009).
 */
export function rawParamsProblem(method: string, version: string, params: unknown): string | null {
  const schema = version === "0.3" ? V03_SCHEMAS.get(method) : undefined;
  const decode = version === "1.0" ? V1_DECODERS.get(method) : undefined;
  const cardMethod = method === "GetExtendedAgentCard" || method === "agent/getAuthenticatedExtendedCard";
  if (cardMethod) return params === undefined || params === null || isPlainObject(params) ? null : OBJECT_PROBLEM;
  if (!schema && !decode) return null;
  if (!isPlainObject(params)) return OBJECT_PROBLEM;
  if (schema) {
    const parsed = schema.safeParse(params);
    return parsed.success ? null : `Invalid params: ${describeIssue(parsed.error.issues[0])}`;
  }
  const shapeProblem = v1IdProblem(params as Record<string, unknown>) ?? v1PartsProblem(params);
  if (shapeProblem) return shapeProblem;
  try {
    decode?.(params);
    return null;
  } catch {
    return `Invalid params: they are not a valid ${method} request (check each field's type).`;
  }
}

const OBJECT_PROBLEM = "Invalid params: params must be an object.";

/**
 * v1.0's decoders turn any value into a string (an array ["id"] becomes
 * "id", an object "[object Object]"), so an id that is not a string is
 * refused here rather than silently coerced into one that might match.
 */
const ID_KEYS = ["id", "taskId", "task_id", "contextId", "context_id", "messageId", "message_id", "pageToken"];
const ID_KEYS_SNAKE = ["page_token", "tenant"];

function v1IdProblem(params: Record<string, unknown>): string | null {
  const child = (value: unknown, ...keys: string[]) =>
    keys.map((k) => (isPlainObject(value) ? (value as Record<string, unknown>)[k] : undefined)).find(isPlainObject);
  const configuration = child(params, "configuration");
  const places: [string, unknown][] = [
    ["", params],
    ["message.", child(params, "message")],
    [
      "configuration.taskPushNotificationConfig.",
      child(configuration, "taskPushNotificationConfig", "task_push_notification_config"),
    ],
  ];
  for (const [prefix, value] of places) {
    if (!isPlainObject(value)) continue;
    for (const key of [...ID_KEYS, ...ID_KEYS_SNAKE]) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined && v !== null && typeof v !== "string")
        return `Invalid params: ${prefix}${key} must be a string.`;
    }
  }
  return null;
}

/** The most common way to crash the v1.0 decoder, named precisely: a part that is not an object. */
function v1PartsProblem(params: unknown): string | null {
  const message = (params as { message?: unknown }).message;
  const parts = isPlainObject(message) ? (message as { parts?: unknown }).parts : undefined;
  if (!Array.isArray(parts)) return null;
  const bad = parts.findIndex((part) => !isPlainObject(part));
  return bad < 0 ? null : `Invalid params: message.parts.${bad} must be an object (a text, url, raw or data part).`;
}
