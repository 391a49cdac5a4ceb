import { describe, expect, it } from "vitest";
import { findKnowledgeParts, ZKnowledgePartSchema } from "@/server/services/knowledge/knowledge-part.types";
import { ZKnowledgeDocumentSchema } from "@/server/services/knowledge/knowledge-document.types";
import {
  ZEntityNameSchema,
  ZEntityTypeSchema,
  ZRelationTypeSchema,
} from "@/server/services/knowledge/knowledge-limits.types";

const part = {
  type: "bureau/knowledge",
  entities: [
    { name: "Acme", type: "Customer", observations: [{ text: "Renews in March", confidence: 0.5 }] },
    { name: "Dana", type: "person" },
  ],
  relations: [{ from: { name: "dana", type: "person" }, type: "Works at", to: { name: "ACME", type: "customer" } }],
};

describe("the bureau/knowledge part", () => {
  it("normalises types and relation names, and matches relation ends by name case-insensitively", () => {
    const parsed = ZKnowledgePartSchema.parse(part);
    expect(parsed.entities[0]!.type).toBe("customer");
    expect(parsed.relations![0]!.type).toBe("works_at");
  });

  it("names what is wrong: unlisted relation ends, bad confidence, unknown fields", () => {
    const issues = (data: unknown) => ZKnowledgePartSchema.safeParse(data).error?.issues.map((i) => i.path.join("."));
    expect(
      issues({ ...part, relations: [{ ...part.relations[0], to: { name: "Globex", type: "customer" } }] }),
    ).toEqual(["relations.0.to"]);
    expect(
      issues({
        ...part,
        entities: [{ name: "A", type: "x", observations: [{ text: "t", confidence: 1.2 }] }],
        relations: [],
      }),
    ).toEqual(["entities.0.observations.0.confidence"]);
    expect(issues({ ...part, surprise: 1 })).toEqual([""]);
    expect(issues({ ...part, type: "bureau/knowledge-context" })).toEqual(["type"]);
  });

  it("is found among an artifact's parts by its type", () => {
    expect(
      findKnowledgeParts([
        { kind: "text" },
        { kind: "data", data: { type: "other" } },
        { kind: "data", data: part },
        { kind: "data", data: null },
      ]),
    ).toEqual([part]);
  });
});

describe("knowledge field rules", () => {
  it("collapse spacing in names and refuse odd types", () => {
    expect(ZEntityNameSchema.parse("  Acme   Corp ")).toBe("Acme Corp");
    expect(ZEntityTypeSchema.parse(" Key  Account ")).toBe("key account");
    expect(ZEntityTypeSchema.safeParse("a/b").success).toBe(false);
    expect(ZRelationTypeSchema.parse("Depends-on")).toBe("depends_on");
    expect(ZRelationTypeSchema.safeParse("->").success).toBe(false);
  });

  it("check an import file's limits and shape", () => {
    const doc = { format: "bureau.knowledge", version: 1, entities: [{ name: "A", type: "x", department: null }] };
    expect(ZKnowledgeDocumentSchema.parse(doc)).toMatchObject({
      relations: [],
      entities: [{ aliases: [], observations: [] }],
    });
    expect(ZKnowledgeDocumentSchema.safeParse({ ...doc, format: "csv" }).success).toBe(false);
    const many = {
      ...doc,
      entities: Array.from({ length: 2_001 }, (_, i) => ({ name: `E${i}`, type: "x", department: null })),
    };
    expect(ZKnowledgeDocumentSchema.safeParse(many).error?.issues[0]?.message).toMatch(/At most 2,000 entities/);
  });
});
