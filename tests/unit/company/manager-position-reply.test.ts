import { describe, expect, it } from "vitest";
import { DomainError } from "@/server/errors";
import { llmConfigFrom } from "@/server/services/company/manager/llm/llm-config";
import {
  decideWithPositionReply,
  parsePositionManagerReply,
  positionManagerRequest,
} from "@/server/services/company/manager/position-manager";
import { validateGraph } from "@/server/services/workflows/graph/validate-graph";
import { askDepartment } from "./manager-fixture";

const input = askDepartment("marketing", "Draft a launch post on our Q3 numbers and check it for legal risk");

const reply = (value: unknown) => JSON.stringify(value);
const part = (id: string, positionId: string, dependsOn: string[] = [], text = `Do ${id}`) => ({
  id,
  text,
  positionId,
  dependsOn,
  reason: `${positionId} fits`,
});

function invalid(text: string): DomainError {
  try {
    parsePositionManagerReply(text, input);
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("The reply was accepted");
}

describe("a managing position's reply", () => {
  it("is asked for with the rules, the reply shape and the staff by position id", () => {
    const message = positionManagerRequest(input);
    expect(message).toMatch(/Answer with JSON only, in this shape/);
    expect(message).toMatch(/"dependsOn": \[part ids\]/);
    expect(message).toMatch(/You answer for the Marketing department \(slug "marketing"\)/);
    expect(message).toMatch(/positionId "pos_contract_reviewer": Contract Reviewer, 150 credits per task/);
    expect(message).toMatch(/Legal \(slug "legal"; approves every task\)/);
    expect(message).toContain(input.request);
  });

  it("becomes a plan, renumbered in run order, with the same graph as any plan", () => {
    const text =
      "Here is my plan:\n```json\n" +
      reply({
        kind: "plan",
        parts: [
          part("check", "pos_contract_reviewer", ["post"]),
          part("post", "pos_content_writer", ["numbers"]),
          { id: "numbers", text: "Pull our Q3 numbers", positionId: "pos_financial_analyst" },
        ],
      }) +
      "\n```";
    const decision = parsePositionManagerReply(text, input);
    if (decision.kind !== "plan") throw new Error(decision.kind);
    expect(decision.parts.map((p) => [p.id, p.positionId, p.dependsOn, p.needsApproval])).toEqual([
      ["part_1", "pos_financial_analyst", [], false],
      ["part_2", "pos_content_writer", ["part_1"], false],
      ["part_3", "pos_contract_reviewer", ["part_2"], true],
    ]);
    expect(decision.parts[0]!.reason).toBe("Chosen by The managing position.");
    expect(decision.estimate).toEqual({ minCredits: 290, maxCredits: 290 });
    expect(validateGraph(decision.graph, { listings: new Map() }).filter((i) => i.severity === "error")).toEqual([]);
    expect(decision.graph.nodes.map((n) => n.id)).toEqual([
      "start",
      "part_1",
      "part_2",
      "approve_part_3",
      "part_3",
      "answer",
    ]);
  });

  it("becomes a route with one part, or a question", () => {
    const route = parsePositionManagerReply(
      reply({ kind: "plan", question: null, parts: [part("nda", "pos_contract_reviewer", [], "Review this NDA")] }),
      input,
    );
    expect(route).toMatchObject({ kind: "route", departmentSlug: "legal", positionId: "pos_contract_reviewer" });
    expect(route.kind === "route" && route.matchedTerms).toEqual(["review", "nda"]);
    expect(parsePositionManagerReply(reply({ kind: "question", question: "Which quarter?" }), input)).toEqual({
      kind: "question",
      question: "Which quarter?",
    });
  });

  it("is refused with a clear DomainError when unusable", () => {
    expect(invalid("Sure, I will get the team on it!")).toMatchObject({
      code: "invalid_input",
      message: "The managing position's reply is not JSON in the manager's reply shape.",
    });
    expect(invalid(reply({ kind: "maybe", parts: [] })).message).toMatch(
      /^The managing position's reply does not match the manager's reply shape: kind: /,
    );
    expect(invalid(reply({ kind: "plan", parts: [{ id: "a", text: "x" }] })).message).toMatch(/parts\.0\.positionId/);
    expect(invalid(reply({ kind: "plan", parts: [part("a", "pos_ghost")] })).message).toBe(
      `The managing position's plan is unusable: Part "a" names position "pos_ghost", which is not on the staff.`,
    );
    expect(
      invalid(
        reply({
          kind: "plan",
          parts: [part("a", "pos_content_writer", ["b"]), part("b", "pos_seo_specialist", ["a"])],
        }),
      ).message,
    ).toBe(`The managing position's plan is unusable: The parts "a", "b" depend on each other in a cycle.`);
    expect(invalid(reply({ kind: "plan", parts: [part("a", "pos_content_writer", ["zzz"])] })).message).toMatch(
      /depends on "zzz", which is not a part/,
    );
    expect(invalid(reply({ kind: "plan", parts: [] })).message).toMatch(/The plan has no parts/);
    expect(invalid(reply({ kind: "question", question: " " })).message).toMatch(/its question is empty/);
  });

  it("falls back to the deterministic manager, recording why, when unusable", () => {
    const { decision, record } = decideWithPositionReply("no idea", input);
    expect(decision.kind).toBe("plan");
    expect(record).toMatchObject({
      manager: "deterministic",
      rawOutput: "no idea",
      fallbackReason: "The managing position's reply is not JSON in the manager's reply shape.",
    });
    expect(record.prompt).toBe(positionManagerRequest(input));
    const used = decideWithPositionReply(reply({ kind: "question", question: "Which quarter?" }), input);
    expect(used.record).toMatchObject({
      manager: "position",
      rawOutput: reply({ kind: "question", question: "Which quarter?" }),
    });
  });
});

describe("the LLM manager's configuration", () => {
  const base = { MANAGER_OPENAI_MODEL: "gpt-4.1-mini", MANAGER_ANTHROPIC_MODEL: "claude-haiku-4-5" };

  it("is off without a key, OpenAI when its key is set (first), else Anthropic", () => {
    expect(llmConfigFrom(base)).toBeNull();
    expect(
      llmConfigFrom({ ...base, OPENAI_API_KEY: "sk-1", ANTHROPIC_API_KEY: "ak-1", OPENAI_BASE_URL: "http://x/v1" }),
    ).toEqual({
      provider: "openai",
      apiKey: "sk-1",
      baseURL: "http://x/v1",
      model: "gpt-4.1-mini",
    });
    expect(llmConfigFrom({ ...base, ANTHROPIC_API_KEY: "ak-1" })).toEqual({
      provider: "anthropic",
      apiKey: "ak-1",
      baseURL: undefined,
      model: "claude-haiku-4-5",
    });
  });
});
