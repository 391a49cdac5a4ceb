import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  isCleanText,
  parsePathParam,
  zCursor,
  zExternalId,
  zId,
  zPageSize,
  zSerialId,
  zSlug,
  zText,
} from "@/server/schemas/primitives";

const LONE_HIGH = "\uD800";
const LONE_LOW = "\uDC00";

describe("zText", () => {
  const text = zText(10);

  it("accepts ordinary text, emoji and other scripts, trimmed", () => {
    expect(text.parse("  hello  ")).toBe("hello");
    expect(text.parse("😀 привет")).toBe("😀 привет");
    expect(text.parse("")).toBe("");
  });

  it("refuses NUL bytes anywhere", () => {
    for (const value of ["\0", "a\0b", "abc\0"]) expect(text.safeParse(value).success).toBe(false);
  });

  it("refuses unpaired surrogates but keeps paired ones", () => {
    expect(text.safeParse(`a${LONE_HIGH}b`).success).toBe(false);
    expect(text.safeParse(`a${LONE_LOW}`).success).toBe(false);
    expect(text.safeParse(`${LONE_LOW}${LONE_HIGH}`).success).toBe(false);
    expect(text.safeParse("\uD83D\uDE00").success).toBe(true);
  });

  it("bounds the length (after trimming) with the given sentence", () => {
    expect(text.safeParse("x".repeat(10)).success).toBe(true);
    expect(text.safeParse(`  ${"x".repeat(10)}  `).success).toBe(true);
    const tooLong = zText(3, "Too long.").safeParse("abcd");
    expect(tooLong.error?.issues[0]?.message).toBe("Too long.");
  });

  it("chains a minimum for required fields", () => {
    const required = zText(10).min(1, "Write something.");
    expect(required.safeParse("   ").error?.issues[0]?.message).toBe("Write something.");
  });

  it("agrees with String.prototype.isWellFormed on random strings", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 20 }), (value) => {
        expect(isCleanText(value)).toBe(value.isWellFormed() && !value.includes("\0"));
      }),
      { seed: 8, numRuns: 2000 },
    );
  });
});

describe("zId", () => {
  it("accepts the ids we mint", () => {
    for (const id of [
      crypto.randomUUID(),
      "0199a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b",
      "aB3dE5gH7jK9mN1pQ3sT5vX7zA9cE1gH",
      "clx1y2z3a0000abcd1234efgh",
    ]) {
      expect(zId.parse(id)).toBe(id);
    }
  });

  it("refuses non-strings, empty, oversized, NUL, %00, surrogates and operator objects", () => {
    for (const bad of [
      "",
      "x".repeat(65),
      "abc\0",
      "%00",
      `a${LONE_HIGH}`,
      "a b",
      "../etc",
      { not: "x" },
      ["x"],
      42,
      null,
    ]) {
      expect(zId.safeParse(bad).success).toBe(false);
    }
  });

  it("zExternalId takes longer ids with the same charset", () => {
    expect(zExternalId.safeParse(`cs_test_${"a".repeat(120)}`).success).toBe(true);
    expect(zExternalId.safeParse("cs_test_\0").success).toBe(false);
    expect(zExternalId.safeParse("x".repeat(256)).success).toBe(false);
  });
});

describe("zSlug", () => {
  it("accepts listing and org slugs", () => {
    expect(zSlug.parse("northwind-data-analyst")).toBe("northwind-data-analyst");
    expect(zSlug.parse("org-m1abc2def")).toBe("org-m1abc2def");
  });

  it("refuses a NUL byte, %00, surrogates, slashes, leading hyphens and huge slugs", () => {
    for (const bad of ["agent\0", "agent%00", `agent${LONE_HIGH}`, "a/b", "-x", "x".repeat(101), "", " "]) {
      expect(zSlug.safeParse(bad).success).toBe(false);
    }
  });
});

describe("zCursor and zSerialId", () => {
  it("accepts base64url tokens and ids, refuses anything else", () => {
    const token = Buffer.from(JSON.stringify({ s: "rating", v: 4.5, id: "x" })).toString("base64url");
    expect(zCursor.parse(token)).toBe(token);
    expect(zCursor.parse(crypto.randomUUID())).toBeTypeOf("string");
    for (const bad of ["", "a".repeat(513), "abc=", "a b", "{}", "ab\0", { lt: "x" }]) {
      expect(zCursor.safeParse(bad).success).toBe(false);
    }
  });

  it("keeps serial ids within Postgres bigint", () => {
    expect(zSerialId.parse("9223372036854775807")).toBe("9223372036854775807");
    for (const bad of ["9223372036854775808", "99999999999999999999", "-1", "1.5", "1e3", "", "01x"]) {
      expect(zSerialId.safeParse(bad).success).toBe(false);
    }
  });
});

describe("zPageSize and parsePathParam", () => {
  it("bounds page sizes and defaults them", () => {
    const size = zPageSize({ max: 50, default: 10 });
    expect(size.parse(undefined)).toBe(10);
    for (const bad of [0, 51, 1.5, "10", Number.NaN, Infinity]) expect(size.safeParse(bad).success).toBe(false);
  });

  it("returns null for a path segment its schema refuses", () => {
    expect(parsePathParam(zSlug, "good-slug")).toBe("good-slug");
    expect(parsePathParam(zSlug, "bad%ED%A0%80")).toBeNull();
    expect(parsePathParam(zId, "x".repeat(10_000))).toBeNull();
    expect(parsePathParam(zId, undefined)).toBeNull();
  });
});
