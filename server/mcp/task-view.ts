import "server-only";
import type { EmbeddedResource } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import { DomainError } from "../errors";
import { TaskState } from "../generated/prisma/enums";
import { partsText, toTaskEventView, type PartView } from "../schemas/task-event-view";
import { streamTaskEvents } from "../services/events/stream-task-events";
import { getRequestView } from "../services/company/requests/request-view";
import { getOrgTask } from "../services/tasks/get-org-task";
import type { ToolAnswer } from "./tools/tool";

/** The one "not found" of every task tool: an unknown id and another org's task read the same. */
export const TASK_NOT_FOUND = "No task of this organization has this id.";

export const artifactUri = (taskId: string, index: number) => `bureau://tasks/${taskId}/artifacts/${index}`;

/** An artifact's parts as one resource: a lone data part is JSON; anything else reads as Markdown. */
export function artifactContent(parts: readonly PartView[]): { mimeType: string; text: string } {
  if (parts.length === 1 && parts[0]!.kind === "data")
    return { mimeType: "application/json", text: JSON.stringify(parts[0]!.data, null, 2) };
  const text = parts
    .map((part) =>
      part.kind === "text"
        ? part.text
        : part.kind === "data"
          ? `\`\`\`json\n${JSON.stringify(part.data, null, 2)}\n\`\`\``
          : `[${part.filename ?? "file"}](${part.url ?? ""})`,
    )
    .join("\n\n");
  return { mimeType: "text/markdown", text };
}

export const ZTaskArtifactSchema = z.object({
  uri: z.string().meta({ description: "Read it as a resource (resources/read)." }),
  name: z.string().nullable(),
  description: z.string().nullable(),
  mimeType: z.string(),
});

export const ZTaskOutcomeSchema = z.object({
  taskId: z.string(),
  state: z.enum(TaskState),
  statusMessage: z.string().nullable(),
  agent: z.object({ slug: z.string(), name: z.string() }),
  priceCredits: z
    .number()
    .int()
    .meta({ description: "What the task costs (held until it ends, then charged or released)." }),
  source: z.string(),
  department: z.object({ slug: z.string(), name: z.string() }).nullable(),
  position: z.object({ id: z.string(), title: z.string() }).nullable(),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
  artifacts: z.array(ZTaskArtifactSchema),
  request: z
    .object({
      decision: z.enum(["route", "plan", "question"]).nullable(),
      reason: z.string().nullable(),
      run: z.object({ id: z.string(), state: z.string(), spentCredits: z.number().int() }).nullable(),
      pendingApprovals: z.array(z.object({ id: z.string(), title: z.string() })),
    })
    .optional()
    .meta({ description: "A department request's manager: its decision, the plan's run, what waits for approval." }),
});
export type TaskOutcome = z.input<typeof ZTaskOutcomeSchema>;

type OrgTask = NonNullable<Awaited<ReturnType<typeof getOrgTask>>>;

/** What the model should do next, in the task's own words. */
function nextStep(task: OrgTask): string {
  const said = task.statusMessage ? `: ${task.statusMessage}` : ".";
  switch (task.state) {
    case "COMPLETED":
      return `It completed${said}`;
    case "INPUT_REQUIRED":
      return `It is waiting for your answer${said} Answer with reply_to_task (taskId "${task.id}").`;
    case "AUTH_REQUIRED":
      return (
        `It is waiting for a person's approval${said} ` +
        "An approver decides it in Bureau (Approvals), or with decide_approval."
      );
    case "FAILED":
    case "REJECTED":
      return `It failed${said}`;
    case "CANCELED":
      return `It was canceled${said}`;
    default:
      return `It is still running${said} Follow it with get_task.`;
  }
}

/** A task as every task tool answers it: a sentence, the structured outcome, its artifacts as embedded resources. */
export function taskAnswer(task: OrgTask): ToolAnswer<TaskOutcome> {
  const artifacts = task.artifacts.map((artifact, index) => ({
    uri: artifactUri(task.id, index),
    name: artifact.name,
    description: artifact.description,
    ...artifactContent(artifact.parts),
  }));
  const listed = artifacts.length
    ? ` Artifacts: ${artifacts.map((a) => `${a.name ? `"${a.name}" ` : ""}(${a.uri})`).join(", ")}.`
    : "";
  return {
    text: `Task ${task.id} (${task.agent.name}) is ${task.state}. ${nextStep(task)}${listed}`,
    structured: {
      taskId: task.id,
      state: task.state,
      statusMessage: task.statusMessage,
      agent: { slug: task.agent.slug, name: task.agent.name },
      priceCredits: task.price,
      source: task.source,
      department: task.department,
      position: task.position,
      createdAt: task.createdAt.toISOString(),
      finishedAt: task.finishedAt?.toISOString() ?? null,
      artifacts: artifacts.map(({ text: _text, ...a }) => a),
    },
    resources: artifacts.map((a) => ({
      uri: a.uri,
      mimeType: a.mimeType,
      text: a.text,
    })) satisfies EmbeddedResource["resource"][],
    isError: task.state === "FAILED" || task.state === "REJECTED",
  };
}

/** The org's task as a tool answer (a department request with its manager's part); another org's id is not found. */
export async function loadTaskAnswer(orgId: string, taskId: string): Promise<ToolAnswer<TaskOutcome>> {
  const task = await getOrgTask({ orgId, taskId });
  if (!task) throw new DomainError("task_not_found", TASK_NOT_FOUND);
  const answer = taskAnswer(task);
  if (task.kind !== "MANAGER") return answer;
  const view = await getRequestView(orgId, taskId);
  const decision = view.decision;
  const request = {
    decision: decision?.kind ?? null,
    reason: decision ? (decision.kind === "question" ? decision.question : decision.reason) : null,
    run: view.run,
    pendingApprovals: view.pendingApprovals.map((a) => ({ id: a.id, title: a.title })),
  };
  const waiting = request.pendingApprovals.length
    ? ` Waiting for approval: ${request.pendingApprovals.map((a) => `"${a.title}" (${a.id})`).join(", ")}.`
    : "";
  const decided = decision
    ? ` The manager's decision: ${decision.kind}${request.reason ? ` (${request.reason})` : ""}.`
    : "";
  return { ...answer, text: `${answer.text}${decided}${waiting}`, structured: { ...answer.structured, request } };
}

/**
 * Follows a task until it pauses (ends, asks for input, waits for an
 * approval) or `signal` aborts, reporting each status line and each new
 * artifact as progress; then answers with the task as it stands.
 */
export async function followTask(input: {
  orgId: string;
  taskId: string;
  signal: AbortSignal;
  progress: (message: string) => Promise<void>;
  /** Follow from after this event (a reply's new turn); from the start otherwise. */
  afterId?: bigint;
}): Promise<ToolAnswer<TaskOutcome>> {
  const seenArtifacts = new Set<string>();
  const events = streamTaskEvents({
    orgId: input.orgId,
    taskId: input.taskId,
    signal: input.signal,
    afterId: input.afterId,
  });
  for await (const event of events) {
    const view = toTaskEventView(event);
    if (view?.kind === "status") {
      const said = view.data.text ?? (view.data.message ? partsText(view.data.message.parts) : "");
      await input.progress(said.trim() || stateWord(view.data.state));
    } else if (view?.kind === "artifact" && !seenArtifacts.has(view.data.artifactId)) {
      seenArtifacts.add(view.data.artifactId);
      await input.progress(`Receiving ${view.data.name ? `"${view.data.name}"` : "an artifact"}`);
    }
  }
  return loadTaskAnswer(input.orgId, input.taskId);
}

const stateWord = (state: TaskState) => state.charAt(0) + state.slice(1).toLowerCase().replace(/_/g, " ");
