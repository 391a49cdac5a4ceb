import "server-only";
import { z } from "zod";

/**
 * Optional LLM writer for the demo agents, over each vendor's plain HTTP API
 * so no SDK is needed. OpenAI wins when both keys are set.
 */
export interface LlmKeys {
  openaiApiKey?: string;
  anthropicApiKey?: string;
}

export interface LlmRequest {
  system: string;
  prompt: string;
}

export type LlmProvider = "openai" | "anthropic";
export type FetchFn = (input: string, init: RequestInit) => Promise<Response>;

// Small, fast models: the demo agents answer short prompts.
const OPENAI_MODEL = "gpt-4.1-mini";
const ANTHROPIC_MODEL = "claude-haiku-4-5";
const MAX_TOKENS = 900;
const TIMEOUT_MS = 30_000;

const ZOpenAiResponseSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().min(1) }) })).min(1),
});
const ZAnthropicResponseSchema = z.object({
  content: z.array(z.object({ type: z.string(), text: z.string().optional() })),
});

export function llmProvider(keys: LlmKeys): LlmProvider | null {
  if (keys.openaiApiKey) return "openai";
  if (keys.anthropicApiKey) return "anthropic";
  return null;
}

export class LlmError extends Error {}

/** The model's text, or null when no key is configured. Throws LlmError on any failure. */
export async function generateWithLlm(
  request: LlmRequest,
  keys: LlmKeys,
  options: { fetchImpl?: FetchFn; signal?: AbortSignal } = {},
): Promise<{ provider: LlmProvider; text: string } | null> {
  const provider = llmProvider(keys);
  if (!provider) return null;
  const fetchImpl = options.fetchImpl ?? fetch;
  const signal = options.signal
    ? AbortSignal.any([options.signal, AbortSignal.timeout(TIMEOUT_MS)])
    : AbortSignal.timeout(TIMEOUT_MS);
  const call =
    provider === "openai"
      ? fetchImpl("https://api.openai.com/v1/chat/completions", {
          method: "POST",
          signal,
          headers: { "content-type": "application/json", authorization: `Bearer ${keys.openaiApiKey}` },
          body: JSON.stringify({
            model: OPENAI_MODEL,
            max_tokens: MAX_TOKENS,
            messages: [
              { role: "system", content: request.system },
              { role: "user", content: request.prompt },
            ],
          }),
        })
      : fetchImpl("https://api.anthropic.com/v1/messages", {
          method: "POST",
          signal,
          headers: {
            "content-type": "application/json",
            "x-api-key": keys.anthropicApiKey ?? "",
            "anthropic-version": "2023-06-01",
          },
          body: JSON.stringify({
            model: ANTHROPIC_MODEL,
            max_tokens: MAX_TOKENS,
            system: request.system,
            messages: [{ role: "user", content: request.prompt }],
          }),
        });
  let response: Response;
  try {
    response = await call;
  } catch (error) {
    throw new LlmError(`${provider} request failed: ${error instanceof Error ? error.name : "network error"}`);
  }
  // Only the status goes into the message: vendor error bodies can echo request headers.
  if (!response.ok) throw new LlmError(`${provider} answered HTTP ${response.status}`);
  const body: unknown = await response.json().catch(() => null);
  const text = provider === "openai" ? openAiText(body) : anthropicText(body);
  if (!text) throw new LlmError(`${provider} returned no text`);
  return { provider, text };
}

function openAiText(body: unknown): string | null {
  const parsed = ZOpenAiResponseSchema.safeParse(body);
  return parsed.success ? parsed.data.choices[0]!.message.content.trim() : null;
}

function anthropicText(body: unknown): string | null {
  const parsed = ZAnthropicResponseSchema.safeParse(body);
  if (!parsed.success) return null;
  const text = parsed.data.content
    .map((block) => (block.type === "text" ? (block.text ?? "") : ""))
    .join("")
    .trim();
  return text || null;
}
