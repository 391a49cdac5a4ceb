import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { decide } from "@/server/services/company/manager/decide";
import type { LlmConfig } from "@/server/services/company/manager/llm/llm-config";
import { decideDeterministically } from "@/server/services/company/manager/deterministic/decide-deterministic";
import { validateGraph } from "@/server/services/workflows/graph/validate-graph";
import { startFakeLlmServer, type FakeLlmServer } from "@/tests/support/fake-llm-server";
import { askCompany, askDepartment } from "@/tests/unit/company/manager-fixture";

/**
 * The LLM manager against a real local HTTP server speaking OpenAI's chat
 * completions and Anthropic's messages, through the real AI SDK: a valid
 * answer becomes the decision; anything else falls back to the
 * deterministic manager with the reason recorded.
 */

const KEY = "sk-test-manager";
const MODEL = "test-manager-model";
const LAUNCH = "Draft a launch blog post on our Q3 numbers and check it for legal risk";

let fake: FakeLlmServer;
let openai: LlmConfig;
let anthropic: LlmConfig;

beforeAll(async () => {
  fake = await startFakeLlmServer({ apiKey: KEY, model: MODEL });
  openai = { provider: "openai", apiKey: KEY, baseURL: fake.openaiBaseUrl, model: MODEL };
  anthropic = { provider: "anthropic", apiKey: KEY, baseURL: fake.anthropicBaseUrl, model: MODEL };
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
});

const part = (id: string, positionId: string, dependsOn: string[], text: string) => ({
  id,
  text,
  positionId,
  dependsOn,
  reason: `${positionId} has the skill`,
});

const LAUNCH_PLAN = {
  kind: "plan",
  question: null,
  parts: [
    part("check", "pos_contract_reviewer", ["post"], "Check the post for legal risk before it goes out."),
    part("numbers", "pos_financial_analyst", [], "Pull together our Q3 numbers for a launch post."),
    part("post", "pos_content_writer", ["numbers"], "Draft a launch blog post on the Q3 numbers."),
  ],
};

/** The one request the fake received was well-formed (what the vendor would accept). */
function expectWellFormedRequest(provider: "openai" | "anthropic") {
  expect(fake.requests).toHaveLength(1);
  expect(fake.requests[0]).toMatchObject({ provider, problems: [] });
}

describe("the LLM manager over OpenAI chat completions", () => {
  it("plans from a valid answer, recording the model, the prompt and the raw output", async () => {
    const content = JSON.stringify(LAUNCH_PLAN);
    fake.answer({ content });
    const { decision, record } = await decide(askCompany(LAUNCH), { llm: openai });
    expectWellFormedRequest("openai");
    expect(record).toMatchObject({ manager: "llm", model: `openai:${MODEL}`, rawOutput: content });
    expect(record.fallbackReason).toBeUndefined();
    expect(record.prompt).toContain(LAUNCH);
    expect(record.prompt).toContain('positionId "pos_financial_analyst"');
    const body = fake.requests[0]!.body as { messages: { role: string; content: string }[]; temperature: number };
    expect(body.messages.map((m) => m.role)).toEqual(["system", "user"]);
    expect(record.prompt).toBe(`${body.messages[0]!.content}\n\n---\n\n${body.messages[1]!.content}`);
    expect(body.temperature).toBe(0);

    if (decision.kind !== "plan") throw new Error(decision.kind);
    expect(decision.parts.map((p) => [p.id, p.positionId, p.dependsOn, p.needsApproval, p.text])).toEqual([
      ["part_1", "pos_financial_analyst", [], false, "Pull together our Q3 numbers for a launch post."],
      ["part_2", "pos_content_writer", ["part_1"], false, "Draft a launch blog post on the Q3 numbers."],
      ["part_3", "pos_contract_reviewer", ["part_2"], true, "Check the post for legal risk before it goes out."],
    ]);
    expect(decision.parts[2]!.reason).toBe("pos_contract_reviewer has the skill");
    expect(decision.estimate).toEqual({ minCredits: 290, maxCredits: 290 });
    expect(validateGraph(decision.graph, { listings: new Map() }).filter((i) => i.severity === "error")).toEqual([]);
    expect(decision.graph.edges.map((e) => `${e.source}>${e.target}`)).toContain("part_2>approve_part_3");
  });

  it("routes from a one-part answer and asks back from a question", async () => {
    fake.answer({
      content: JSON.stringify({
        kind: "plan",
        question: null,
        parts: [part("nda", "pos_contract_reviewer", [], "Review this NDA for missing clauses")],
      }),
    });
    const routed = await decide(askDepartment("marketing", "Review this NDA for missing clauses"), { llm: openai });
    expect(routed.decision).toMatchObject({
      kind: "route",
      departmentSlug: "legal",
      positionId: "pos_contract_reviewer",
    });
    expect(routed.decision.kind === "route" && routed.decision.matchedTerms).toEqual([
      "review",
      "nda",
      "missing clauses",
    ]);
    expect(fake.requests[0]!.body.messages).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          role: "user",
          content: expect.stringContaining("You answer for the Marketing department"),
        }),
      ]),
    );

    fake.answer({ content: JSON.stringify({ kind: "question", question: "Which NDA, and with whom?", parts: [] }) });
    const asked = await decide(askCompany("Look at the NDA"), { llm: openai });
    expect(asked).toMatchObject({
      decision: { kind: "question", question: "Which NDA, and with whom?" },
      record: { manager: "llm" },
    });
  });

  const fallbacks: [string, Parameters<FakeLlmServer["answer"]>[0], RegExp, boolean][] = [
    ["invalid JSON", { content: "Sure! Finance first, then Marketing." }, /^The model's answer was not JSON\.$/, true],
    [
      "the wrong schema",
      { content: JSON.stringify({ kind: "plan", parts: [{ id: "a", text: "Do it" }] }) },
      /^The model's answer did not match the plan schema: .*(question|positionId)/,
      true,
    ],
    [
      "an unknown position id",
      {
        content: JSON.stringify({
          kind: "plan",
          question: null,
          parts: [part("a", "pos_ghost_writer", [], "Draft the post")],
        }),
      },
      /^The model's plan is unusable: Part "a" names position "pos_ghost_writer", which is not on the staff\.$/,
      true,
    ],
    [
      "a dependency cycle",
      {
        content: JSON.stringify({
          kind: "plan",
          question: null,
          parts: [part("a", "pos_content_writer", ["b"], "Draft"), part("b", "pos_contract_reviewer", ["a"], "Check")],
        }),
      },
      /^The model's plan is unusable: The parts "a", "b" depend on each other in a cycle\.$/,
      true,
    ],
    ["an HTTP 500", { status: 500 }, /^The model's API answered HTTP 500\.$/, false],
    ["an HTTP 429", { status: 429 }, /^The model's API answered HTTP 429\.$/, false],
  ];

  it.each(fallbacks)("falls back to the deterministic manager on %s, saying why", async (_, answer, reason, raw) => {
    fake.answer(answer);
    const input = askCompany(LAUNCH);
    const { decision, record } = await decide(input, { llm: openai });
    expectWellFormedRequest("openai");
    expect(record.manager).toBe("deterministic");
    expect(record.model).toBe(`openai:${MODEL}`);
    expect(record.fallbackReason).toMatch(reason);
    expect(record.prompt).toContain(LAUNCH);
    if (raw) expect(record.rawOutput).toBe(answer.content);
    else expect(record.rawOutput).toBeUndefined();
    expect(decision).toEqual(decideDeterministically(input));
    expect(decision.kind === "plan" && decision.parts.map((p) => p.departmentSlug)).toEqual([
      "finance",
      "content",
      "legal",
    ]);
  });

  it("falls back when the key is refused, the status alone in the reason", async () => {
    fake.answer({ content: JSON.stringify(LAUNCH_PLAN) });
    const { record } = await decide(askCompany(LAUNCH), { llm: { ...openai, apiKey: "sk-revoked" } });
    expect(fake.requests[0]!.problems).toEqual(["authorization is not the configured key"]);
    expect(record).toMatchObject({ manager: "deterministic", fallbackReason: "The model's API answered HTTP 401." });
    expect(JSON.stringify(record)).not.toContain("sk-revoked");
  });

  it("falls back when the model takes longer than its timeout", async () => {
    fake.answer({ delayMs: 1_500, content: JSON.stringify(LAUNCH_PLAN) });
    const started = Date.now();
    const { decision, record } = await decide(askCompany(LAUNCH), { llm: { ...openai, timeoutMs: 300 } });
    expect(Date.now() - started).toBeLessThan(1_400);
    expect(record).toMatchObject({
      manager: "deterministic",
      fallbackReason: "The model did not answer within 0.3 s.",
    });
    expect(decision.kind).toBe("plan");
  });

  it("gives up without an answer when the caller cancels", async () => {
    fake.answer({ delayMs: 1_000, content: JSON.stringify(LAUNCH_PLAN) });
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error("request canceled")), 100);
    await expect(decide(askCompany(LAUNCH), { llm: openai, signal: controller.signal })).rejects.toThrow();
  });
});

describe("the LLM manager over Anthropic messages", () => {
  it("plans from a valid structured answer", async () => {
    fake.answer({ content: JSON.stringify(LAUNCH_PLAN) });
    const { decision, record } = await decide(askCompany(LAUNCH), { llm: anthropic });
    expectWellFormedRequest("anthropic");
    expect(fake.requests[0]!.path).toBe("/v1/messages");
    expect(record).toMatchObject({ manager: "llm", model: `anthropic:${MODEL}` });
    expect(decision.kind === "plan" && decision.parts.map((p) => p.positionId)).toEqual([
      "pos_financial_analyst",
      "pos_content_writer",
      "pos_contract_reviewer",
    ]);
  });

  it("falls back on an HTTP error", async () => {
    fake.answer({ status: 529 });
    const { record } = await decide(askCompany(LAUNCH), { llm: anthropic });
    expect(record).toMatchObject({ manager: "deterministic", fallbackReason: "The model's API answered HTTP 529." });
  });
});
