import "server-only";
import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { APICallError, generateText, NoObjectGeneratedError, Output, type LanguageModel } from "ai";
import { z } from "zod";
import { PlanProblem } from "../plan-parts";
import { MANAGER_RULES, managerRequestText } from "../prompt";
import { issuesText, replyToDecision, ZManagerReplySchema, type ManagerReply } from "../reply";
import type { ManagerDecision, ManagerInput } from "../types";
import { LLM_TIMEOUT_MS, type LlmConfig } from "./llm-config";

/**
 * The LLM manager: one structured-output call through the Vercel AI SDK
 * (OpenAI chat completions, or Anthropic messages), the reply validated with
 * zod (ZManagerReplySchema) and then checked like any plan (positions exist,
 * no cycles) and built by the same graph builder. Anything short of a usable
 * decision is a failed outcome saying why; decide() then answers
 * deterministically and records the reason.
 */

export type LlmOutcome = { model: string; prompt: string; rawOutput?: string } & (
  { ok: true; decision: ManagerDecision; rawOutput: string } | { ok: false; reason: string }
);

function languageModel(config: LlmConfig): LanguageModel {
  const settings = { apiKey: config.apiKey, ...(config.baseURL ? { baseURL: config.baseURL } : {}) };
  // Chat completions rather than the Responses API: it is what OpenAI-compatible endpoints speak.
  return config.provider === "openai"
    ? createOpenAI(settings).chat(config.model)
    : createAnthropic(settings).languageModel(config.model);
}

export const modelName = (config: LlmConfig) => `${config.provider}:${config.model}`;

/** The prompt as recorded on the task: the system rules, then the request with the staff. */
export const recordedPrompt = (system: string, user: string) => `${system}\n\n---\n\n${user}`;

/** Why the call gave no reply, in a sentence (and what the model said, if anything). */
function failure(error: unknown, timeoutMs: number, timedOut: boolean): { reason: string; rawOutput?: string } {
  if (timedOut) return { reason: `The model did not answer within ${timeoutMs / 1000} s.` };
  if (NoObjectGeneratedError.isInstance(error)) {
    const notJson = /could not parse/i.test(error.message);
    return {
      reason: notJson
        ? "The model's answer was not JSON."
        : `The model's answer did not match the plan schema: ${schemaProblem(error.cause)}.`,
      rawOutput: error.text,
    };
  }
  // Only the status: vendor error bodies can echo request headers.
  if (APICallError.isInstance(error)) {
    return { reason: `The model's API answered ${error.statusCode ? `HTTP ${error.statusCode}` : "with an error"}.` };
  }
  return { reason: `The model call failed (${error instanceof Error ? error.name : "unknown error"}).` };
}

/** The zod issues behind a schema mismatch, in one line. */
function schemaProblem(cause: unknown): string {
  const inner = cause instanceof Error && "cause" in cause ? cause.cause : cause;
  return inner instanceof z.ZodError ? issuesText(inner) : cause instanceof Error ? cause.message : "unknown problem";
}

export async function decideWithLlm(
  input: ManagerInput,
  config: LlmConfig,
  options: { signal?: AbortSignal } = {},
): Promise<LlmOutcome> {
  const system = MANAGER_RULES;
  const user = managerRequestText(input);
  const prompt = recordedPrompt(system, user);
  const model = modelName(config);
  const timeoutMs = config.timeoutMs ?? LLM_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let text: string;
  let reply: ManagerReply;
  try {
    const result = await generateText({
      model: languageModel(config),
      system,
      prompt: user,
      output: Output.object({
        schema: ZManagerReplySchema,
        name: "manager_decision",
        description: "A route or plan of the request over the company's positions, or a question back.",
      }),
      temperature: 0,
      // Claude's native structured output (a JSON schema it must follow), not the older forced-tool mode.
      providerOptions: { anthropic: { structuredOutputMode: "outputFormat" } },
      // No retries: a failed answer falls back to the deterministic manager at once.
      maxRetries: 0,
      abortSignal: signal,
    });
    text = result.text;
    reply = result.output;
  } catch (error) {
    // The caller gave up (the request was canceled): nothing to fall back for.
    if (options.signal?.aborted) throw error;
    return { ok: false, model, prompt, ...failure(error, timeoutMs, timeout.aborted) };
  }
  try {
    const decision = replyToDecision(reply, input, `The manager model (${model})`);
    return { ok: true, decision, model, prompt, rawOutput: text };
  } catch (error) {
    if (!(error instanceof PlanProblem)) throw error;
    return { ok: false, model, prompt, rawOutput: text, reason: `The model's plan is unusable: ${error.message}` };
  }
}
