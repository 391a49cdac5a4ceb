import "server-only";
import { z } from "zod";
import { Role, TaskState as A2ATaskState, type Artifact, type Message, type Part } from "@a2a-js/sdk";
import type { TaskState } from "../generated/prisma/enums";

/**
 * How Bureau stores A2A content (TaskEvent.data, Task.input, Artifact.parts):
 * plain JSON, independent of the SDK's in-memory protobuf shapes, so stored
 * rows stay readable across SDK upgrades and protocol versions.
 */
export const ZBureauPartSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("text"), text: z.string() }),
  z.object({ kind: z.literal("data"), data: z.unknown() }),
  z.object({
    kind: z.literal("file"),
    url: z.string().optional(),
    mediaType: z.string().optional(),
    filename: z.string().optional(),
  }),
]);
export type BureauPart = z.infer<typeof ZBureauPartSchema>;

export const ZBureauMessageSchema = z.object({
  messageId: z.string(),
  role: z.enum(["user", "agent"]),
  parts: z.array(ZBureauPartSchema),
});
export type BureauMessage = z.infer<typeof ZBureauMessageSchema>;

export interface BureauArtifact {
  artifactId: string;
  name?: string;
  description?: string;
  parts: BureauPart[];
}

export function fromSdkPart(part: Part): BureauPart {
  const c = part.content;
  if (c?.$case === "text") return { kind: "text", text: c.value };
  if (c?.$case === "data") return { kind: "data", data: c.value };
  if (c?.$case === "url")
    return { kind: "file", url: c.value, mediaType: part.mediaType || undefined, filename: part.filename || undefined };
  // Raw bytes are not stored inline; keep what identifies the file.
  return { kind: "file", mediaType: part.mediaType || undefined, filename: part.filename || undefined };
}

export function toSdkPart(part: BureauPart): Part {
  const base = { metadata: undefined, filename: "", mediaType: "" };
  if (part.kind === "text") return { ...base, content: { $case: "text", value: part.text } };
  if (part.kind === "data") return { ...base, content: { $case: "data", value: part.data } };
  return {
    ...base,
    filename: part.filename ?? "",
    mediaType: part.mediaType ?? "",
    content: part.url ? { $case: "url", value: part.url } : undefined,
  };
}

export function fromSdkMessage(message: Message): BureauMessage {
  return {
    messageId: message.messageId,
    role: message.role === Role.ROLE_AGENT ? "agent" : "user",
    parts: message.parts.map(fromSdkPart),
  };
}

export function toSdkMessage(message: BureauMessage, ids: { taskId?: string; contextId?: string } = {}): Message {
  return {
    messageId: message.messageId,
    role: message.role === "agent" ? Role.ROLE_AGENT : Role.ROLE_USER,
    parts: message.parts.map(toSdkPart),
    taskId: ids.taskId ?? "",
    contextId: ids.contextId ?? "",
    metadata: undefined,
    extensions: [],
    referenceTaskIds: [],
  };
}

export function fromSdkArtifact(artifact: Artifact): BureauArtifact {
  return {
    artifactId: artifact.artifactId,
    name: artifact.name || undefined,
    description: artifact.description || undefined,
    parts: artifact.parts.map(fromSdkPart),
  };
}

export function toSdkArtifact(artifact: BureauArtifact): Artifact {
  return {
    artifactId: artifact.artifactId,
    name: artifact.name ?? "",
    description: artifact.description ?? "",
    parts: artifact.parts.map(toSdkPart),
    metadata: undefined,
    extensions: [],
  };
}

const FROM_SDK: Partial<Record<A2ATaskState, TaskState>> = {
  [A2ATaskState.TASK_STATE_SUBMITTED]: "SUBMITTED",
  [A2ATaskState.TASK_STATE_WORKING]: "WORKING",
  [A2ATaskState.TASK_STATE_INPUT_REQUIRED]: "INPUT_REQUIRED",
  [A2ATaskState.TASK_STATE_COMPLETED]: "COMPLETED",
  [A2ATaskState.TASK_STATE_FAILED]: "FAILED",
  [A2ATaskState.TASK_STATE_CANCELED]: "CANCELED",
  [A2ATaskState.TASK_STATE_REJECTED]: "REJECTED",
  // Bureau has no way to relay an agent's own auth challenge to a buyer yet.
  [A2ATaskState.TASK_STATE_AUTH_REQUIRED]: "FAILED",
};

export const fromSdkState = (state: A2ATaskState | undefined): TaskState | null =>
  state === undefined ? null : (FROM_SDK[state] ?? null);

/**
 * A state as Bureau itself wrote it to a caller (GetTask, a stream, a filter):
 * unlike an agent's AUTH_REQUIRED (fromSdkState), Bureau's is its own wait for
 * a person's approval.
 */
export const fromOwnSdkState = (state: A2ATaskState | undefined): TaskState | null =>
  state === A2ATaskState.TASK_STATE_AUTH_REQUIRED ? "AUTH_REQUIRED" : fromSdkState(state);

export function toSdkState(state: TaskState): A2ATaskState {
  // Bureau's own wait for a person's approval (a department's policy, a plan to accept).
  if (state === "AUTH_REQUIRED") return A2ATaskState.TASK_STATE_AUTH_REQUIRED;
  const entry = Object.entries(FROM_SDK).find(([, v]) => v === state);
  return entry ? (Number(entry[0]) as A2ATaskState) : A2ATaskState.TASK_STATE_UNSPECIFIED;
}

export const TERMINAL_STATES: readonly TaskState[] = ["COMPLETED", "FAILED", "CANCELED", "REJECTED"];
export const isTerminal = (state: TaskState) => TERMINAL_STATES.includes(state);

/** The text of a message, for previews and status lines. */
export const messageText = (message: BureauMessage | undefined) =>
  (message?.parts ?? []).flatMap((p) => (p.kind === "text" ? [p.text] : [])).join("\n");
