import { describe, expect, it } from "vitest";
import { creditCount, plural } from "@/components/format";

describe("plural", () => {
  const runs = { one: "task run", other: "tasks run" };

  it("uses the singular for exactly one and the plural otherwise", () => {
    expect(plural(1, runs)).toBe("1 task run");
    expect(plural(0, runs)).toBe("0 tasks run");
    expect(plural(2, runs)).toBe("2 tasks run");
    expect(plural(-1, { one: "credit", other: "credits" })).toBe("-1 credit");
  });

  it("groups large counts and treats fractions as plural", () => {
    expect(plural(12_500, { one: "invitation", other: "invitations" })).toBe("12,500 invitations");
    expect(plural(1.5, { one: "credit", other: "credits" })).toBe("1.5 credits");
  });

  it("counts credits the same way everywhere a price is shown", () => {
    expect(creditCount(1)).toBe("1 credit");
    expect(creditCount(120)).toBe("120 credits");
    expect(creditCount(25_000)).toBe("25,000 credits");
  });
});
