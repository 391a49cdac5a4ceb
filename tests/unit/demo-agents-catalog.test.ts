import { describe, expect, it } from "vitest";
import {
  DEMO_AGENTS,
  buildDemoAgentCard,
  demoAgentBaseUrl,
  demoAgentCardUrl,
  findDemoAgent,
} from "@/server/demo-agents/catalog";
import { CATEGORY_SLUGS } from "@/server/schemas/categories";

describe("demo agent catalog", () => {
  it("lists about twenty well-formed Northwind agents across at least six categories", () => {
    expect(DEMO_AGENTS.length).toBeGreaterThanOrEqual(20);
    expect(new Set(DEMO_AGENTS.map((a) => a.slug)).size).toBe(DEMO_AGENTS.length);
    const known = new Set<string>(CATEGORY_SLUGS);
    const used = new Set(DEMO_AGENTS.flatMap((a) => a.categories));
    expect(used.size).toBeGreaterThanOrEqual(6);
    for (const agent of DEMO_AGENTS) {
      expect(agent.slug).toMatch(/^northwind-[a-z0-9-]+$/);
      expect(agent.provider.organization).toBe("Northwind Labs");
      expect(agent.categories.every((c) => known.has(c))).toBe(true);
      expect(Number.isInteger(agent.pricePerTask) && agent.pricePerTask >= 5 && agent.pricePerTask <= 200).toBe(true);
      expect(agent.skills.length).toBeGreaterThanOrEqual(1);
      expect(agent.skills.length).toBeLessThanOrEqual(3);
      expect(agent.skills[0]!.examples.length).toBeGreaterThanOrEqual(2);
      for (const skill of agent.skills) expect(skill.examples.length).toBeLessThanOrEqual(3);
    }
  });

  it("has the flagship behaviours the demos rely on", () => {
    expect(findDemoAgent("northwind-research-analyst")?.behavior.kind).toBe("stream");
    expect(findDemoAgent("northwind-intake-coordinator")?.behavior.kind).toBe("input-required");
    const checker = findDemoAgent("northwind-contract-checker")!;
    expect(checker.behavior.kind).toBe("fail-on-keyword");
    // A demo user learns the trigger from the listing itself.
    expect(checker.description).toContain("FAIL");
    expect(checker.skills[0]!.examples.some((e) => e.includes("FAIL"))).toBe(true);
    expect(findDemoAgent("nope")).toBeUndefined();
  });

  it("builds URLs and an A2A v1.0 card with the v0.3 fields", () => {
    expect(demoAgentBaseUrl("northwind-copy-editor", "https://bureau.example/")).toBe(
      "https://bureau.example/api/demo-agents/northwind-copy-editor",
    );
    expect(demoAgentCardUrl("northwind-copy-editor", "https://bureau.example")).toBe(
      "https://bureau.example/api/demo-agents/northwind-copy-editor/.well-known/agent-card.json",
    );
    const card = buildDemoAgentCard(findDemoAgent("northwind-copy-editor")!, "https://bureau.example");
    const url = "https://bureau.example/api/demo-agents/northwind-copy-editor";
    expect(card.supportedInterfaces.map((i) => [i.url, i.protocolBinding, i.protocolVersion])).toEqual([
      [url, "JSONRPC", "1.0"],
      [url, "JSONRPC", "0.3"],
    ]);
    expect(card).toMatchObject({
      url,
      preferredTransport: "JSONRPC",
      version: "1.0.0",
      defaultInputModes: ["text/plain"],
    });
    expect(card.capabilities).toEqual({ streaming: false, pushNotifications: false, extensions: [] });
    expect(card.skills[0]).toMatchObject({ id: "line-edit", name: "Line edit" });
  });
});
