import "server-only";
import { env } from "../../../../env";

/** Which model the LLM manager asks, and where. */
export interface LlmConfig {
  provider: "openai" | "anthropic";
  apiKey: string;
  /** The API's base URL, ending in /v1; the vendor's own when unset. */
  baseURL?: string;
  model: string;
  /** How long the model may take before the deterministic manager answers instead. */
  timeoutMs?: number;
}

export const LLM_TIMEOUT_MS = 20_000;

interface LlmEnv {
  OPENAI_API_KEY?: string;
  ANTHROPIC_API_KEY?: string;
  OPENAI_BASE_URL?: string;
  ANTHROPIC_BASE_URL?: string;
  MANAGER_OPENAI_MODEL: string;
  MANAGER_ANTHROPIC_MODEL: string;
}

/** OpenAI when its key is set (as the demo agents choose), else Anthropic, else none: the deterministic manager. */
export function llmConfigFrom(vars: LlmEnv): LlmConfig | null {
  if (vars.OPENAI_API_KEY) {
    return {
      provider: "openai",
      apiKey: vars.OPENAI_API_KEY,
      baseURL: vars.OPENAI_BASE_URL,
      model: vars.MANAGER_OPENAI_MODEL,
    };
  }
  if (vars.ANTHROPIC_API_KEY) {
    return {
      provider: "anthropic",
      apiKey: vars.ANTHROPIC_API_KEY,
      baseURL: vars.ANTHROPIC_BASE_URL,
      model: vars.MANAGER_ANTHROPIC_MODEL,
    };
  }
  return null;
}

export const llmConfigFromEnv = (): LlmConfig | null => llmConfigFrom(env);
