import "server-only";
import { TaskState, type Message } from "@a2a-js/sdk";
import type { AgentExecutionEvent } from "@a2a-js/sdk/server";
import type { ReceivedGrant } from "./delegate";
import { artifactEvent, statusEvent, type ArtifactChunk, type TaskIds } from "./events";
import { generateWithLlm, type FetchFn, type LlmKeys } from "./llm";
import type { DemoAgentSpec } from "./types";

export interface DemoRuntimeOptions {
  /** Pause between progress updates, in milliseconds. */
  stepMs: number;
  /** Bureau's base URL, whose gateway a delegating agent calls (no delegation without it). */
  appUrl?: string;
  llm: LlmKeys;
  fetchImpl?: FetchFn;
  /** Told when the LLM fails and the template answer is used instead. */
  onLlmError?: (error: unknown, slug: string) => void;
}

/** Which writer produced an artifact; recorded in its metadata. */
export type Generator = "template" | "openai" | "anthropic";

/**
 * One execution of one agent on one task: what the caller sent, and the only
 * way to publish. Once the task is canceled every publish is dropped, so a
 * behaviour never has to re-check before each event.
 */
export class Turn {
  constructor(
    readonly spec: DemoAgentSpec,
    readonly ids: TaskIds,
    /** Text of the message that started this turn. */
    readonly input: string,
    /** The task's earlier messages (follow-up turns only), oldest first. */
    readonly history: Message[],
    readonly signal: AbortSignal,
    private readonly publishEvent: (event: AgentExecutionEvent) => void,
    private readonly options: DemoRuntimeOptions,
    /** The delegation grant Bureau sent with this message (none when called directly). */
    readonly grant: ReceivedGrant | null = null,
  ) {}

  /** Where this agent reaches Bureau's gateway, when it may delegate at all. */
  get appUrl(): string | undefined {
    return this.options.appUrl;
  }

  get canceled(): boolean {
    return this.signal.aborted;
  }

  publish(event: AgentExecutionEvent): void {
    if (!this.signal.aborted) this.publishEvent(event);
  }

  status(state: TaskState, text?: string): void {
    this.publish(statusEvent(this.ids, state, text));
  }

  working(text: string): void {
    this.status(TaskState.TASK_STATE_WORKING, text);
  }

  artifact(chunk: ArtifactChunk): void {
    this.publish(artifactEvent(this.ids, chunk));
  }

  /** Waits one step; false when the task was canceled meanwhile. */
  pause(): Promise<boolean> {
    return new Promise((resolve) => {
      if (this.signal.aborted) return resolve(false);
      const done = () => {
        clearTimeout(timer);
        this.signal.removeEventListener("abort", done);
        resolve(!this.signal.aborted);
      };
      const timer = setTimeout(done, this.options.stepMs);
      this.signal.addEventListener("abort", done, { once: true });
    });
  }

  /**
   * The final answer: the LLM's when a key is configured and the call works,
   * the deterministic template's otherwise (so a demo never breaks on a
   * vendor outage).
   */
  async write(template: string, prompt: string): Promise<{ markdown: string; generator: Generator }> {
    try {
      const result = await generateWithLlm(
        {
          system:
            `You are ${this.spec.name}, an AI agent from ${this.spec.provider.organization}. ` +
            `${this.spec.description} ` +
            `Your skills: ${this.spec.skills.map((s) => `${s.name} (${s.description})`).join("; ")}. ` +
            "Answer the request in concise markdown with headings. " +
            "Do not invent statistics or sources; say what must be checked.",
          prompt,
        },
        this.options.llm,
        { fetchImpl: this.options.fetchImpl, signal: this.signal },
      );
      if (result) return { markdown: result.text, generator: result.provider };
    } catch (error) {
      if (!this.signal.aborted) this.options.onLlmError?.(error, this.spec.slug);
    }
    return { markdown: template, generator: "template" };
  }
}
