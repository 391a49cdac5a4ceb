import "server-only";
import { logger } from "../../../logger";
import { decideDeterministically } from "./deterministic/decide-deterministic";
import { decideWithLlm } from "./llm/decide-with-llm";
import { llmConfigFromEnv, type LlmConfig } from "./llm/llm-config";
import { scopeDepartment } from "./org-tree";
import type { ManagerDecision, ManagerInput, ManagerRecord } from "./types";

export type { LlmConfig } from "./llm/llm-config";

/**
 * A department's (or the company's) manager answers a request with a route,
 * a plan or a question. LLM-backed when a model is configured (OPENAI_API_KEY
 * or ANTHROPIC_API_KEY, or `options.llm`); the deterministic manager
 * otherwise, and whenever the model's answer is unusable (the record says
 * why). An unknown department slug is a DomainError (department_not_found).
 *
 * `options.llm`: undefined reads the environment; null forces the deterministic manager.
 * `options.signal`: aborting it (the request was canceled) rejects with the abort; a
 * timeout of the model alone falls back.
 */
export async function decide(
  input: ManagerInput,
  options: { llm?: LlmConfig | null; signal?: AbortSignal } = {},
): Promise<{ decision: ManagerDecision; record: ManagerRecord }> {
  scopeDepartment(input);
  const llm = options.llm === undefined ? llmConfigFromEnv() : options.llm;
  if (!llm) return { decision: decideDeterministically(input), record: { manager: "deterministic" } };
  const outcome = await decideWithLlm(input, llm, { signal: options.signal });
  const { model, prompt, rawOutput } = outcome;
  if (outcome.ok) return { decision: outcome.decision, record: { manager: "llm", model, prompt, rawOutput } };
  logger.warn({ model, reason: outcome.reason }, "manager model unusable; the deterministic manager answered");
  return {
    decision: decideDeterministically(input),
    record: {
      manager: "deterministic",
      model,
      prompt,
      ...(rawOutput === undefined ? {} : { rawOutput }),
      fallbackReason: outcome.reason,
    },
  };
}
