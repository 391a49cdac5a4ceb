import { describe, expect, it } from "vitest";
import { formatCredits, formatRelative } from "@/components/format";

describe("formatting", () => {
  it("groups credits", () => {
    expect(formatCredits(25000)).toBe("25,000");
    expect(formatCredits(-1200)).toBe("-1,200");
  });

  it("describes recent times in words", () => {
    const now = Date.parse("2026-11-24T12:00:00Z");
    expect(formatRelative(new Date(now - 10_000), now)).toBe("just now");
    expect(formatRelative(new Date(now - 5 * 60_000), now)).toBe("5 min ago");
    expect(formatRelative(new Date(now - 3 * 3_600_000), now)).toBe("3 h ago");
    expect(formatRelative(new Date(now - 2 * 86_400_000), now)).toBe("2 d ago");
    expect(formatRelative(new Date(now - 30 * 86_400_000), now)).toMatch(/2026/);
  });
});
