import { describe, expect, it } from "vitest";
import { safeNext } from "@/components/auth/safe-next";

describe("post-sign-in redirect", () => {
  it.each([
    ["/invite/abc", "/invite/abc"],
    ["//evil.example/x", "/dashboard"],
    ["https://evil.example", "/dashboard"],
    [null, "/dashboard"],
    ["", "/dashboard"],
  ])("%s → %s", (input, expected) => {
    expect(safeNext(input)).toBe(expected);
  });
});
