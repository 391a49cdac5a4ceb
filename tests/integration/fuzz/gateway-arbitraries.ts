import fc from "fast-check";
import { GATEWAY_METHODS } from "@/server/gateway/method-scopes";

/**
 * Random JSON-RPC traffic for the A2A gateway: mostly well-formed envelopes
 * for every method of both protocol versions with params that are almost
 * right (the interesting bugs live there), plus plain garbage.
 */

/** Strings Postgres and UTF-8 choke on, and sizes near every limit. */
const nastyString = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: "binary", maxLength: 8 }),
  fc.constantFrom("", " ", "\u0000", "a\u0000b", "\ud800", "\udfff-x", "x".repeat(201), "x".repeat(70), "%00", "null"),
);

const operator = fc.constantFrom<unknown>(
  { not: "" },
  { in: ["a", "b"] },
  { contains: "" },
  { gt: "" },
  { toString: 1 },
  { valueOf: {} },
  { __proto__: { x: 1 } },
);

const json = fc.jsonValue({ maxDepth: 3 });

export function anyValue(known: string[]) {
  return fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...known) },
    { weight: 2, arbitrary: nastyString },
    { weight: 2, arbitrary: operator },
    fc.array(fc.constantFrom(...known), { maxLength: 3 }),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    json,
  );
}

function part(known: string[]) {
  const value = anyValue(known);
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ text: fc.string({ maxLength: 20 }) }) },
    { weight: 3, arbitrary: fc.record({ kind: fc.constant("text"), text: value }) },
    fc.record({
      kind: fc.constant("file"),
      file: fc.oneof(json, fc.record({ uri: value }), fc.record({ bytes: value })),
    }),
    fc.record({ kind: fc.constant("data"), data: json }),
    fc.record({ data: json }, { requiredKeys: [] }),
    fc.record({ url: value, raw: value, mediaType: value, filename: value }, { requiredKeys: [] }),
    fc.constantFrom(null, 0, "text", [], {}),
  );
}

function message(known: string[]) {
  const value = anyValue(known);
  return fc.record(
    {
      kind: fc.constantFrom("message", "task", 3),
      messageId: fc.oneof(fc.uuid(), value),
      role: fc.oneof(fc.constantFrom("user", "agent", "ROLE_USER", "ROLE_AGENT", 1), value),
      parts: fc.oneof({ weight: 4, arbitrary: fc.array(part(known), { maxLength: 3 }) }, value),
      taskId: value,
      contextId: value,
      metadata: fc.oneof(json, value),
      extensions: fc.oneof(fc.array(fc.string()), value),
      referenceTaskIds: fc.oneof(fc.array(fc.string()), value),
    },
    { requiredKeys: [] },
  );
}

function pushConfig(known: string[]) {
  const value = anyValue(known);
  return fc.record(
    {
      id: value,
      url: fc.oneof(fc.constantFrom("http://127.0.0.1:9/x", "http://169.254.169.254/", "ftp://x", "not a url"), value),
      token: value,
      taskId: value,
      authentication: fc.oneof(json, fc.record({ schemes: value, credentials: value }, { requiredKeys: [] })),
    },
    { requiredKeys: [] },
  );
}

/** Params shaped like any method's (all their field names, random values), or any JSON at all. */
export function params(known: string[]) {
  const value = anyValue(known);
  const shaped = fc.record(
    {
      id: value,
      taskId: value,
      task_id: value,
      historyLength: value,
      message: fc.oneof({ weight: 4, arbitrary: message(known) }, value),
      configuration: fc.oneof(
        fc.record(
          {
            returnImmediately: value,
            blocking: value,
            historyLength: value,
            acceptedOutputModes: value,
            taskPushNotificationConfig: fc.oneof(pushConfig(known), value),
            pushNotificationConfig: fc.oneof(pushConfig(known), value),
          },
          { requiredKeys: [] },
        ),
        value,
      ),
      pushNotificationConfig: fc.oneof(pushConfig(known), value),
      pushNotificationConfigId: value,
      url: value,
      token: value,
      contextId: value,
      status: fc.oneof(fc.constantFrom("TASK_STATE_COMPLETED", "TASK_STATE_BOGUS", 3, -1, 99), value),
      pageSize: value,
      pageToken: value,
      statusTimestampAfter: fc.oneof(fc.constantFrom("2026-01-01T00:00:00Z", "yesterday"), value),
      includeArtifacts: value,
      metadata: value,
      tenant: value,
    },
    { requiredKeys: [] },
  );
  return fc.oneof({ weight: 5, arbitrary: shaped }, fc.constant(undefined), json);
}

/** A valid request of each method (against the fixture task `known[0]`, its config "hook"). */
function templates(known: string[]): Record<string, Record<string, unknown>> {
  const [taskId] = known;
  const v1Message = { messageId: "fuzz-1", role: "ROLE_USER", parts: [{ text: "hello" }] };
  const v03Message = { kind: "message", messageId: "fuzz-1", role: "user", parts: [{ kind: "text", text: "hello" }] };
  return {
    SendMessage: { message: v1Message, configuration: { returnImmediately: true } },
    SendStreamingMessage: { message: { ...v1Message, taskId } },
    GetTask: { id: taskId, historyLength: 2 },
    ListTasks: { pageSize: 10, status: "TASK_STATE_COMPLETED", includeArtifacts: true },
    CancelTask: { id: taskId },
    SubscribeToTask: { id: taskId },
    CreateTaskPushNotificationConfig: { taskId, id: "hook-2", url: "http://127.0.0.1:9/x", token: "t" },
    GetTaskPushNotificationConfig: { taskId, id: "hook" },
    ListTaskPushNotificationConfigs: { taskId },
    DeleteTaskPushNotificationConfig: { taskId, id: "hook-2" },
    GetExtendedAgentCard: {},
    "message/send": { message: v03Message, configuration: { blocking: false } },
    "message/stream": { message: { ...v03Message, taskId } },
    "tasks/get": { id: taskId },
    "tasks/cancel": { id: taskId },
    "tasks/resubscribe": { id: taskId },
    "tasks/pushNotificationConfig/set": {
      taskId,
      pushNotificationConfig: { id: "hook-3", url: "http://127.0.0.1:9/y" },
    },
    "tasks/pushNotificationConfig/get": { id: taskId, pushNotificationConfigId: "hook" },
    "tasks/pushNotificationConfig/list": { id: taskId },
    "tasks/pushNotificationConfig/delete": { id: taskId, pushNotificationConfigId: "hook-3" },
    "agent/getAuthenticatedExtendedCard": {},
  };
}

function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (Array.isArray(value)) return [prefix, ...value.flatMap((v, i) => leafPaths(v, [...prefix, String(i)]))];
  if (value && typeof value === "object")
    return [prefix, ...Object.entries(value).flatMap(([k, v]) => leafPaths(v, [...prefix, k]))];
  return [prefix];
}

function setPath(root: unknown, path: string[], value: unknown): unknown {
  if (path.length === 0) return value;
  const [head, ...rest] = path as [string, ...string[]];
  const copy: Record<string, unknown> = Array.isArray(root)
    ? ([...root] as never)
    : root && typeof root === "object"
      ? { ...root }
      : {};
  copy[head] = setPath(copy[head], rest, value);
  return copy;
}

/**
 * One request per method and version: the valid template with up to three
 * of its fields (or new ones) replaced by anything, so the call gets past
 * the first check and exercises the ones behind it.
 */
export function call(known: string[]) {
  const all = templates(known);
  const value = anyValue(known);
  return fc.constantFrom(...Object.keys(all)).chain((method) => {
    const template = all[method]!;
    const paths = [...leafPaths(template).filter((p) => p.length > 0), ["message", "extra"], ["pageToken"], ["tenant"]];
    const edits = fc.array(fc.tuple(fc.constantFrom(...paths), value), { maxLength: 3 });
    const version = method.includes("/") ? "0.3" : "1.0";
    return fc.record({
      method: fc.constant(method),
      params: fc.oneof(
        {
          weight: 6,
          arbitrary: edits.map((e) => e.reduce((p, [path, v]) => setPath(p, path, v), template as unknown)),
        },
        params(known),
      ),
      version: fc.oneof({ weight: 8, arbitrary: fc.constant<string | undefined>(version) }, versionHeader),
    });
  });
}

export const methodName = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...GATEWAY_METHODS) },
  fc.string({ unit: fc.constantFrom("a", "B", "/", "_", "x"), minLength: 1, maxLength: 20 }),
  fc.constantFrom("__proto__", "constructor", "toString", "tasks/list", "message/send/", "rpc.discover"),
);

export const versionHeader = fc.constantFrom<string | undefined>("1.0", "0.3", undefined, "9.9", "");

export function envelope(known: string[]) {
  return fc.record({
    jsonrpc: fc.oneof({ weight: 9, arbitrary: fc.constant("2.0") }, json),
    id: fc.oneof({ weight: 5, arbitrary: fc.integer() }, fc.string({ maxLength: 10 }), fc.constant(null), json),
    method: fc.oneof({ weight: 9, arbitrary: methodName }, json),
    params: params(known),
  });
}

/** Bodies that are not a JSON-RPC request at all: garbage, truncations, deep nesting, batches. */
export function garbageBody(known: string[]) {
  return fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: "binary", maxLength: 40 }),
    envelope(known).map((e) => JSON.stringify(e).slice(0, -3)),
    envelope(known).map((e) => JSON.stringify([e, e])),
    fc.integer({ min: 20, max: 20_000 }).map((n) => {
      const deep = "[".repeat(n) + "]".repeat(n);
      return `{"jsonrpc":"2.0","id":1,"method":"GetTask","params":{"id":${deep}}}`;
    }),
    fc.constantFrom("", "null", "[]", "{}", '"x"', "1e999", '{"jsonrpc":"2.0"}', '{"method":"GetTask"}'),
  );
}
