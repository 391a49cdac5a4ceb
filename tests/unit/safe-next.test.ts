import { describe, expect, it } from "vitest";
import { authHref, safeNext } from "@/components/auth/safe-next";

describe("post-sign-in redirect", () => {
  it.each([
    ["/invite/abc", "/invite/abc"],
    ["/agents/northwind-data-analyst?prompt=Hello%20there", "/agents/northwind-data-analyst?prompt=Hello%20there"],
    ["/tasks/0193e0b1-7c1d-7000-8000-000000000000#result", "/tasks/0193e0b1-7c1d-7000-8000-000000000000#result"],
    // Resolved like the browser would, to a path on this site.
    ["/marketplace/../dashboard", "/dashboard"],
  ])("keeps %s as %s", (input, expected) => {
    expect(safeNext(input)).toBe(expected);
  });

  it.each([
    ["//evil.example/x"],
    ["https://evil.example"],
    ["/\\evil.example"],
    ["/\\/evil.example"],
    ["\\\\evil.example"],
    ["/\t/evil.example"],
    ["/\n/evil.example"],
    ["javascript:alert(1)"],
    ["JavaScript:alert(1)"],
    ["%2F%2Fevil.example"],
    ["%2f%5cevil.example"],
    ["/%2F%2Fevil.example/../..//evil.example"],
    ["data:text/html,hi"],
    [" /dashboard"],
    ["/sign-in?next=/sign-in"],
    ["/sign-up"],
    ["/api/auth/sign-out"],
    ["/./api/auth/sign-out"],
    [`/${"a".repeat(2001)}`],
    [null],
    [undefined],
    [""],
  ])("refuses %j", (input) => {
    expect(safeNext(input)).toBe("/dashboard");
    expect(safeNext(input, "/onboarding")).toBe("/onboarding");
  });

  it("stays on the site when the encoded path is decoded by the browser later", () => {
    // "%2F%2F" stays encoded in the path, so the browser asks this site for it: never another host.
    const path = safeNext("/%2F%2Fevil.example");
    expect(new URL(path, "https://bureau.example").host).toBe("bureau.example");
  });

  it("builds sign-in and sign-up links that come back", () => {
    expect(authHref("/sign-in", "/agents/x?prompt=a b")).toBe("/sign-in?next=%2Fagents%2Fx%3Fprompt%3Da%2520b");
    expect(authHref("/sign-up", "//evil.example")).toBe("/sign-up");
    expect(authHref("/sign-in", null)).toBe("/sign-in");
  });
});
