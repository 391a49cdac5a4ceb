import "server-only";
import { Role, TaskState } from "@a2a-js/sdk";
import { messageText } from "./events";
import { renderTemplate } from "./templates";
import { researchBriefSections } from "./templates/research";
import { truncate, words } from "./templates/text";
import type { Generator, Turn } from "./turn";
import { delegateThroughGateway } from "./delegate";
import type { DemoBehavior, DemoDelegation, DemoTemplateOptions } from "./types";

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
      return runStream(turn, behavior.steps, behavior.delegate);
    case "input-required":
      return runInputRequired(turn, behavior);
    case "fail-on-keyword":
      return runFailOnKeyword(turn, behavior);
    case "persona":
      return runPersona(turn, behavior);
  }
}

async function runStream(turn: Turn, steps: string[], delegate?: DemoDelegation): Promise<TurnOutcome> {
  const { question, material } = splitMaterial(turn.input);
  let sources: string | null = null;
  for (const [index, step] of steps.entries()) {
    turn.working(`${step}… ${index + 1}/${steps.length}`);
    if (!(await turn.pause())) return "done";
    // Once the sources are in hand (the second step), the reading goes to the delegate.
    if (index === Math.min(1, steps.length - 1) && delegate) sources = await summariseSources(turn, delegate, material);
    if (turn.canceled) return "done";
  }
  const brief = researchBriefSections(sources === null ? turn.input : question);
  const sections = sources === null ? brief : [brief[0]!, sources, ...brief.slice(1)];
  // A writing LLM sees the delegate's summary too, so the brief keeps it.
  const prompt = sources === null ? turn.input : `${question}\n\n${sources}`;
  const { markdown, generator } = await turn.write(sections.join("\n"), prompt);
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

/** A request's question (its first paragraph) and its reading material (everything after it). */
export function splitMaterial(input: string): { question: string; material: string } {
  const [question = "", ...rest] = input.trim().split(/\n\s*\n/);
  return { question: question.trim(), material: rest.join("\n\n").trim() };
}

/**
 * The brief's "What the sources say" section, by the delegate: the material
 * goes to it through Bureau's gateway with this task's grant. Null when
 * there is nothing to delegate (no grant: not called through Bureau; or too
 * little material); a refusal is said in the section instead of the summary.
 */
async function summariseSources(turn: Turn, delegate: DemoDelegation, material: string): Promise<string | null> {
  if (!turn.grant || !turn.appUrl || words(material).length < delegate.minWords) return null;
  turn.working(`Asking ${delegate.name} to summarise the sources…`);
  const outcome = await delegateThroughGateway({
    appUrl: turn.appUrl,
    slug: delegate.slug,
    grant: turn.grant,
    text: material,
    signal: turn.signal,
  });
  const heading = "## What the sources say";
  if (!outcome.ok)
    return (
      `${heading}\n\n${delegate.name} could not be asked (${truncate(outcome.reason, 240)}); ` +
      "read the material directly.\n"
    );
  // Its headings one level under this section's, its own title dropped.
  const summary = outcome.text
    .replace(/^# .*\n+/, "")
    .replace(/^(#{2,5}) /gm, "#$1 ")
    .trim();
  return `${heading}\n\n_Summarised by ${delegate.name}, delegated through Bureau._\n\n${summary}\n`;
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
