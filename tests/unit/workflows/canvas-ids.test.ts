import { describe, expect, it } from "vitest";
import { idStem, nextEdgeId, nextNodeId } from "@/components/workflows/lib/ids";
import { NODE_ID_PATTERN } from "@/server/schemas/workflow-graph";

describe("canvas node ids", () => {
  it("names the first node of a type after the type, then counts from 2", () => {
    expect(nextNodeId("agent", new Set())).toBe("agent");
    expect(nextNodeId("agent", new Set(["agent"]))).toBe("agent_2");
    expect(nextNodeId("agent", new Set(["agent", "agent_2", "agent_3"]))).toBe("agent_4");
    expect(nextNodeId("agent", new Set(["agent_2"]))).toBe("agent");
  });

  it("grows copies from the stem, so a copy of agent_2 is agent_3, not agent_2_2", () => {
    expect(idStem("agent_2")).toBe("agent");
    expect(nextNodeId("agent_2", new Set(["agent", "agent_2"]))).toBe("agent_3");
    expect(nextNodeId("research", new Set(["research"]))).toBe("research_2");
  });

  it("folds anything into an identifier that NODE_ID_PATTERN accepts", () => {
    for (const base of ["Legal Review!", "9lives", "___", "", "x".repeat(80), "Ünïcode step", "a-b-c"]) {
      const id = nextNodeId(base, new Set());
      expect(id).toMatch(NODE_ID_PATTERN);
      const taken = new Set([id]);
      for (let i = 0; i < 12; i++) {
        const next = nextNodeId(base, taken);
        expect(next).toMatch(NODE_ID_PATTERN);
        expect(taken.has(next)).toBe(false);
        taken.add(next);
      }
    }
    expect(nextNodeId("Legal Review!", new Set())).toBe("legal_review");
  });

  it("gives edges readable ids that stay unique", () => {
    expect(nextEdgeId({ source: "a", target: "b" }, new Set())).toBe("e_a_b");
    expect(nextEdgeId({ source: "check", target: "b", branch: "true" }, new Set())).toBe("e_check_true_b");
    expect(nextEdgeId({ source: "a", target: "b" }, new Set(["e_a_b"]))).toBe("e_a_b_2");
  });
});
