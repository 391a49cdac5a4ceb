import "server-only";
import { Role, TaskState } from "@a2a-js/sdk";
import { messageText } from "./events";
import { renderTemplate } from "./templates";
import { researchBriefSections } from "./templates/research";
import { truncate } from "./templates/text";
import type { Generator, Turn } from "./turn";
import type { DemoBehavior, DemoTemplateOptions } from "./types";

/** "waiting" when the task now waits for the caller (input-required). */
export type TurnOutcome = "done" | "waiting";

export async function runBehavior(turn: Turn, behavior: DemoBehavior): Promise<TurnOutcome> {
  if (!turn.input) {
    turn.status(
      TaskState.TASK_STATE_FAILED,
      "The message has no text. Send what you want the agent to work on as a text part.",
    );
    return "done";
  }
  switch (behavior.kind) {
    case "stream":
      return runStream(turn, behavior.steps);
    case "input-required":
      return runInputRequired(turn, behavior);
    case "fail-on-keyword":
      return runFailOnKeyword(turn, behavior);
    case "persona":
      return runPersona(turn, behavior);
  }
}

async function runStream(turn: Turn, steps: string[]): Promise<TurnOutcome> {
  for (const [index, step] of steps.entries()) {
    turn.working(`${step}… ${index + 1}/${steps.length}`);
    if (!(await turn.pause())) return "done";
  }
  const sections = researchBriefSections(turn.input);
  const { markdown, generator } = await turn.write(sections.join("\n"), turn.input);
  const chunks = generator === "template" ? sections : splitSections(markdown);
  return deliver(turn, chunks, generator, "Research brief");
}

async function runPersona(turn: Turn, behavior: DemoTemplateOptions): Promise<TurnOutcome> {
  turn.working(`${turn.spec.name} is working on your request…`);
  if (!(await turn.pause())) return "done";
  const { markdown, generator } = await turn.write(renderTemplate(behavior, turn.input), turn.input);
  // Streaming agents show their answer arriving section by section.
  const chunks = turn.spec.streaming ? splitSections(markdown) : [markdown];
  return deliver(turn, chunks, generator, turn.spec.skills[0]?.name ?? "Result");
}

async function runFailOnKeyword(
  turn: Turn,
  behavior: DemoTemplateOptions & { keywords: string[] },
): Promise<TurnOutcome> {
  const trigger = behavior.keywords.find((k) => new RegExp(`\\b${escapeRegExp(k)}\\b`, "i").test(turn.input));
  if (!trigger) return runPersona(turn, behavior);
  turn.working(`${turn.spec.name} is reading the input…`);
  if (!(await turn.pause())) return "done";
  turn.status(
    TaskState.TASK_STATE_FAILED,
    `Failed on purpose: the input contains the demo trigger word "${trigger.toUpperCase()}". ` +
      "Send the request without it to get a normal result.",
  );
  return "done";
}

async function runInputRequired(
  turn: Turn,
  behavior: DemoTemplateOptions & { question: string },
): Promise<TurnOutcome> {
  // The task's first message is the request; any later one answers the question.
  const request = messageText(turn.history.find((m) => m.role === Role.ROLE_USER));
  if (!request) {
    turn.status(TaskState.TASK_STATE_INPUT_REQUIRED, behavior.question);
    return "waiting";
  }
  turn.working(`Scoping "${truncate(request, 60)}" for ${truncate(turn.input, 60)}…`);
  if (!(await turn.pause())) return "done";
  const template = [
    "# Intake summary",
    "",
    `**Request:** ${request}`,
    "",
    `**${behavior.question.replace(/\?$/, "")}:** ${turn.input}`,
    "",
    renderTemplate(behavior, request).replace(/^# .*\n/, "## Request analysis\n"),
  ].join("\n");
  const { markdown, generator } = await turn.write(template, `${request}\n\n${behavior.question} ${turn.input}`);
  return deliver(turn, [markdown], generator, "Intake summary");
}

/** Publishes the answer as one artifact (appended chunk by chunk), then completes. */
async function deliver(turn: Turn, chunks: string[], generator: Generator, name: string): Promise<TurnOutcome> {
  for (const [index, markdown] of chunks.entries()) {
    const last = index === chunks.length - 1;
    turn.artifact({
      artifactId: "result",
      name,
      description: `${name} by ${turn.spec.name}`,
      markdown,
      append: index > 0,
      lastChunk: last,
      metadata: { generator },
    });
    if (!last && !(await turn.pause())) return "done";
  }
  turn.status(TaskState.TASK_STATE_COMPLETED, `${name} ready.`);
  return "done";
}

/** Markdown cut before each second-level heading, so every chunk reads on its own. */
export function splitSections(markdown: string): string[] {
  const parts = markdown.split(/\n(?=## )/).map((p) => `${p.trimEnd()}\n`);
  return parts.filter((p) => p.trim().length > 0);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
