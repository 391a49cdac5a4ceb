import "server-only";
import { TaskState } from "@a2a-js/sdk";
import { RequestMalformedError } from "@a2a-js/sdk/errors";
import { z } from "zod";
import { isCleanText, NOT_TEXT_MESSAGE, zId } from "../schemas/primitives";

/**
 * The gateway's parameters as the SDK hands them to the request handler,
 * for both protocol versions. The v1.0 transport coerces JSON into these
 * shapes, but the v0.3 compat layer copies values through untyped (an
 * object "id" would reach a Prisma where as an operator filter), so every
 * method parses its request here before anything is read.
 */

/** Ids a caller mints (messageId, push config id, contextId): any clean text, bounded. */
export const MAX_CALLER_ID = 200;
const callerId = (what: string) =>
  z
    .string({ error: `${what} must be a string.` })
    .min(1, `${what} is required: a non-empty string.`)
    .max(MAX_CALLER_ID, `${what} can be at most ${MAX_CALLER_ID} characters.`)
    .refine(isCleanText, `${what}: ${NOT_TEXT_MESSAGE}`);
const optionalCallerId = (what: string) => z.union([z.literal(""), callerId(what)]);
const taskId = (what = "The task id") => z.string({ error: `${what} must be a string.` }).pipe(zId);
const cleanString = (what: string, max: number) =>
  z
    .string({ error: `${what} must be a string.` })
    .max(max, `${what} can be at most ${max.toLocaleString("en-US")} characters.`)
    .refine(isCleanText, `${what}: ${NOT_TEXT_MESSAGE}`);
const count = (what: string, max: number) =>
  z
    .number({ error: `${what} must be a number.` })
    .int(`${what} must be a whole number.`)
    .min(0, `${what} cannot be negative.`)
    .max(max, `${what} can be at most ${max}.`);

/** Any JSON value whose strings (keys included) Postgres can store. */
function isCleanJson(value: unknown): boolean {
  if (typeof value === "string") return isCleanText(value);
  if (Array.isArray(value)) return value.every(isCleanJson);
  if (value && typeof value === "object")
    return Object.entries(value).every(([k, v]) => isCleanText(k) && isCleanJson(v));
  return true;
}

const ZPartContentSchema = z.discriminatedUnion(
  "$case",
  [
    z.object({ $case: z.literal("text"), value: cleanString("A text part", 200_000) }),
    z.object({ $case: z.literal("url"), value: cleanString("A file URL", 2_048) }),
    z.object({
      $case: z.literal("raw"),
      value: z.custom<Buffer>((v) => Buffer.isBuffer(v), "Raw bytes must be base64."),
    }),
    z.object({ $case: z.literal("data"), value: z.unknown().refine(isCleanJson, `A data part: ${NOT_TEXT_MESSAGE}`) }),
  ],
  { error: "Each part needs text, a file (url or bytes) or data." },
);

const ZPartSchema = z.object(
  {
    content: ZPartContentSchema,
    filename: cleanString("A part's filename", 255),
    mediaType: cleanString("A part's media type", 255),
  },
  { error: "Each part must be an object." },
);

export const ZGatewayMessageSchema = z.object(
  {
    messageId: callerId("message.messageId"),
    taskId: z.union([z.literal(""), taskId("message.taskId")]),
    contextId: optionalCallerId("message.contextId"),
    parts: z.array(ZPartSchema).min(1, "The message must have at least one part.").max(100, "At most 100 parts."),
  },
  { error: "message is required (an object with messageId and parts)." },
);

const ZPushConfigSchema = z.object({
  id: optionalCallerId("The push notification config id"),
  url: z.url({ protocol: /^https?$/, error: "The push notification url must be an http(s) URL." }).max(2_048),
  token: cleanString("The push notification token", 1_000),
});

export const ZSendMessageSchema = z.object({
  message: ZGatewayMessageSchema,
  configuration: z
    .object({
      historyLength: count("configuration.historyLength", 10_000).optional(),
      returnImmediately: z.boolean(),
      taskPushNotificationConfig: ZPushConfigSchema.optional(),
    })
    .optional(),
});

export const ZTaskRefSchema = z.object({ id: taskId(), historyLength: count("historyLength", 10_000).optional() });

const STATES = Object.values(TaskState).filter((s): s is number => typeof s === "number" && s >= 0);

export const ZListTasksSchema = z.object({
  contextId: z.union([z.literal(""), callerId("contextId")]),
  status: z.number().refine((s) => STATES.includes(s), "status is not a task state."),
  pageSize: count("pageSize", 100).optional(),
  pageToken: z.union([z.literal(""), z.uuid({ error: "pageToken is not one this server issued." })]),
  historyLength: count("historyLength", 10_000).optional(),
  statusTimestampAfter: z.iso
    .datetime({ offset: true, error: "statusTimestampAfter must be an ISO 8601 timestamp." })
    .optional(),
  includeArtifacts: z.boolean().optional(),
});

export const ZCreatePushConfigSchema = ZPushConfigSchema.extend({ taskId: taskId() });
export const ZPushConfigRefSchema = z.object({
  taskId: taskId(),
  id: optionalCallerId("The push notification config id"),
});
export const ZDeletePushConfigSchema = z.object({ taskId: taskId(), id: callerId("The push notification config id") });

/** Parses `value`, or refuses with -32602 and a sentence naming the first thing wrong. */
export function parseParams<S extends z.ZodType>(schema: S, value: unknown): z.output<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new RequestMalformedError(`Invalid params: ${describeIssue(parsed.error.issues[0])}`);
}

/** One sentence for the first problem, naming where it is: "message.parts.0.text must be a string." */
export function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return "they do not match the method.";
  const path = issue.path.map(String).join(".");
  // zod's default wording ("Invalid input: expected string, received number") in plain words.
  const zodDefault = /^Invalid input: expected (\w+), received (\w+)/.exec(issue.message);
  if (zodDefault) {
    const rule = zodDefault[2] === "undefined" ? "is required" : `must be ${article(zodDefault[1]!)}`;
    return `${path || "params"} ${rule}.`;
  }
  const message = issue.message.endsWith(".") ? issue.message : `${issue.message}.`;
  const last = String(issue.path.at(-1) ?? "");
  // Our own messages start with the field they are about; zod's do not.
  return !path || message.startsWith(path) || message.startsWith(last) ? message : `${path}: ${message}`;
}

const article = (expected: string) => (/^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`);

export const ZTaskConfigsSchema = z.object({ taskId: taskId() });
