import "server-only";
import { z } from "zod";
import { rankStaff } from "./match/match-staff";
import { buildStaffIndex } from "./match/staff-index";
import { scopeDepartment, staffById } from "./org-tree";
import { decisionFromParts, finalizeParts, planSummary, PlanProblem } from "./plan-parts";
import type { ManagerDecision, ManagerInput } from "./types";

/**
 * The JSON a manager that is not Bureau's own (an LLM, or a position named
 * as its department's manager) answers with, documented in docs/manager.md:
 *
 *   { "kind": "plan", "question": null,
 *     "parts": [{ "id": "numbers", "text": "…", "positionId": "…", "dependsOn": [], "reason": "…" }, …] }
 *   { "kind": "question", "question": "…", "parts": [] }
 *
 * A plan with one part is a route. Every field is required so the schema
 * can be an LLM's strict structured output; a position's reply may leave out
 * what does not apply (ZPositionReplySchema).
 */

// No length limits in the model's schema: strict structured output refuses schemas with keywords it does
// not support, and finalizeParts checks what matters (ids, positions, dependencies, count).
const zPart = z.strictObject({
  id: z.string().describe('A short id for the part, unique in the plan, e.g. "numbers".'),
  text: z.string().describe("The instruction the position receives, complete on its own."),
  positionId: z.string().describe("The positionId of the staff member who does it."),
  dependsOn: z.array(z.string()).describe("Ids of the parts whose output this part needs; [] when none."),
  reason: z.string().describe("Why this position: the skill of theirs that fits."),
});

export const ZManagerReplySchema = z.strictObject({
  kind: z.enum(["plan", "question"]).describe('"plan" (one part is a route) or "question" when you cannot plan.'),
  question: z
    .string()
    .nullable()
    .describe("For a question: what you need to know, naming the departments that could take it. Else null."),
  parts: z.array(zPart).describe("The parts of a plan, in any order; [] for a question."),
});
export type ManagerReply = z.infer<typeof ZManagerReplySchema>;

/** The same shape, read leniently: a plan may leave out "question", a question "parts", a part its reason. */
export const ZPositionReplySchema = z.object({
  kind: z.enum(["plan", "question"]),
  question: z.string().max(2_000).nullish(),
  parts: z
    .array(
      z.object({
        id: z.string().min(1).max(64),
        text: z.string().min(1).max(8_000),
        positionId: z.string().min(1).max(64),
        dependsOn: z.array(z.string()).default([]),
        reason: z.string().max(1_000).default(""),
      }),
    )
    .default([]),
});

/**
 * The reply as a decision, through the same checks and graph builder as the
 * deterministic manager. Throws PlanProblem saying what is wrong (unknown
 * position, dependency cycle, empty question).
 */
export function replyToDecision(
  reply: z.output<typeof ZPositionReplySchema>,
  input: ManagerInput,
  author: string,
): ManagerDecision {
  scopeDepartment(input);
  if (reply.kind === "question") {
    const question = reply.question?.trim();
    if (!question) throw new PlanProblem("The answer is a question, but its question is empty.");
    return { kind: "question", question };
  }
  const staff = staffById(input.departments);
  const parts = finalizeParts(
    reply.parts.map((p) => ({
      key: p.id,
      text: p.text,
      positionId: p.positionId,
      dependsOn: p.dependsOn,
      reason: p.reason.trim() || `Chosen by ${author}.`,
    })),
    staff,
  );
  const request = input.request.trim();
  const ctx = { request, staff, departments: input.departments };
  const index = buildStaffIndex(staff.values(), input.departments);
  const chosen = index.entries.filter((e) => e.position.positionId === parts[0]!.positionId);
  const matchedTerms = parts.length === 1 ? (rankStaff(index, parts[0]!.text, chosen)[0]?.matchedTerms ?? []) : [];
  const planReason = `${author} split the request into ${parts.length} parts:\n${planSummary(parts, ctx)}`;
  return decisionFromParts(parts, ctx, { planReason, matchedTerms });
}

/** A zod error in one line: "parts.0.positionId: Required; kind: Invalid option". */
export const issuesText = (error: z.ZodError) =>
  error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`)
    .join("; ");
