import { describe, expect, it } from "vitest";
import { hasRole } from "@/server/auth/roles";

describe("org roles", () => {
  it("ranks owner > admin > member > viewer", () => {
    expect(hasRole("owner", "admin")).toBe(true);
    expect(hasRole("admin", "admin")).toBe(true);
    expect(hasRole("member", "admin")).toBe(false);
    expect(hasRole("viewer", "member")).toBe(false);
    expect(hasRole("viewer", "viewer")).toBe(true);
  });

  it("gives an unknown role nothing", () => {
    expect(hasRole("superuser", "viewer")).toBe(false);
    expect(hasRole("", "viewer")).toBe(false);
  });
});
