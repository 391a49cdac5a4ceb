import "server-only";
import { Role, TaskState, type Artifact, type Message, type Part, type Task } from "@a2a-js/sdk";
import { AgentEvent, type AgentExecutionEvent } from "@a2a-js/sdk/server";

/** Builders for the A2A v1.0 objects the demo agents publish. */
export interface TaskIds {
  taskId: string;
  contextId: string;
}

export function textPart(text: string, mediaType = "text/plain"): Part {
  return { content: { $case: "text", value: text }, metadata: undefined, filename: "", mediaType };
}

export function agentMessage(ids: TaskIds, text: string): Message {
  return {
    messageId: crypto.randomUUID(),
    role: Role.ROLE_AGENT,
    parts: [textPart(text)],
    taskId: ids.taskId,
    contextId: ids.contextId,
    metadata: undefined,
    extensions: [],
    referenceTaskIds: [],
  };
}

export function submittedTask(ids: TaskIds, userMessage: Message): Task {
  return {
    id: ids.taskId,
    contextId: ids.contextId,
    status: { state: TaskState.TASK_STATE_SUBMITTED, message: undefined, timestamp: new Date().toISOString() },
    artifacts: [],
    history: [userMessage],
    metadata: undefined,
  };
}

export function statusEvent(ids: TaskIds, state: TaskState, text?: string): AgentExecutionEvent {
  return AgentEvent.statusUpdate({
    taskId: ids.taskId,
    contextId: ids.contextId,
    status: { state, message: text ? agentMessage(ids, text) : undefined, timestamp: new Date().toISOString() },
    metadata: undefined,
  });
}

export interface ArtifactChunk {
  artifactId: string;
  name: string;
  description: string;
  markdown: string;
  /** Adds to an artifact sent earlier in this task instead of replacing it. */
  append: boolean;
  lastChunk: boolean;
  metadata?: Record<string, string>;
}

export function artifactEvent(ids: TaskIds, chunk: ArtifactChunk): AgentExecutionEvent {
  const artifact: Artifact = {
    artifactId: chunk.artifactId,
    name: chunk.name,
    description: chunk.description,
    parts: [textPart(chunk.markdown, "text/markdown")],
    metadata: chunk.metadata,
    extensions: [],
  };
  return AgentEvent.artifactUpdate({
    taskId: ids.taskId,
    contextId: ids.contextId,
    artifact,
    append: chunk.append,
    lastChunk: chunk.lastChunk,
    metadata: undefined,
  });
}

/** Everything the caller said in one message: text parts verbatim, data parts as JSON. */
export function messageText(message: Message | undefined): string {
  if (!message) return "";
  return message.parts
    .map((part) => {
      const content = part.content;
      if (content?.$case === "text") return content.value;
      if (content?.$case === "data") return JSON.stringify(content.value);
      return "";
    })
    .filter(Boolean)
    .join("\n")
    .trim();
}
