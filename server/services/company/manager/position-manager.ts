import "server-only";
import { DomainError } from "../../../errors";
import { decideDeterministically } from "./deterministic/decide-deterministic";
import { PlanProblem } from "./plan-parts";
import { MANAGER_RULES, managerRequestText } from "./prompt";
import { issuesText, replyToDecision, ZPositionReplySchema } from "./reply";
import type { ManagerDecision, ManagerInput, ManagerRecord } from "./types";

/**
 * A department may name one of its positions as its manager: Bureau sends
 * that agent the request with the rules and the staff (positionManagerRequest)
 * and reads its reply as the documented JSON (docs/manager.md).
 */

/** The message the managing position receives. */
export const positionManagerRequest = (input: ManagerInput): string =>
  `${MANAGER_RULES}\n\n${managerRequestText(input)}`;

/** The reply's JSON: the whole text, or the first {...} in it (agents like code fences and a preamble). */
function jsonOf(text: string): unknown {
  const trimmed = text.trim();
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(trimmed)?.[1];
  const start = (fenced ?? trimmed).indexOf("{");
  const end = (fenced ?? trimmed).lastIndexOf("}");
  const candidate = fenced ?? (start >= 0 && end > start ? trimmed.slice(start, end + 1) : trimmed);
  try {
    return JSON.parse(candidate.trim());
  } catch {
    throw new DomainError("invalid_input", "The managing position's reply is not JSON in the manager's reply shape.");
  }
}

/**
 * The managing position's reply as a decision. Throws a DomainError
 * (invalid_input) saying what is wrong, so the caller can fall back to the
 * deterministic manager (decideWithPositionReply does).
 */
export function parsePositionManagerReply(text: string, input: ManagerInput): ManagerDecision {
  const parsed = ZPositionReplySchema.safeParse(jsonOf(text));
  if (!parsed.success) {
    throw new DomainError(
      "invalid_input",
      `The managing position's reply does not match the manager's reply shape: ${issuesText(parsed.error)}.`,
    );
  }
  try {
    return replyToDecision(parsed.data, input, "The managing position");
  } catch (error) {
    if (error instanceof PlanProblem) {
      throw new DomainError("invalid_input", `The managing position's plan is unusable: ${error.message}`);
    }
    throw error;
  }
}

/** The position's decision, or the deterministic manager's when its reply is unusable, with the record of either. */
export function decideWithPositionReply(
  text: string,
  input: ManagerInput,
): { decision: ManagerDecision; record: ManagerRecord } {
  const prompt = positionManagerRequest(input);
  try {
    return {
      decision: parsePositionManagerReply(text, input),
      record: { manager: "position", prompt, rawOutput: text },
    };
  } catch (error) {
    if (!(error instanceof DomainError) || error.code !== "invalid_input") throw error;
    return {
      decision: decideDeterministically(input),
      record: { manager: "deterministic", prompt, rawOutput: text, fallbackReason: error.message },
    };
  }
}
