import { describe, expect, it } from "vitest";
import { defaultVisible, resolveVisibility, type ToolGrant } from "@/server/services/mcp/grant-rules";

const write = { key: "run_agent", readOnly: false };
const read = { key: "get_task", readOnly: true };
const owner = { kind: "user" as const, role: "owner", departmentIds: [] };
const viewer = { kind: "user" as const, role: "viewer", departmentIds: [] };
const legalLead = { kind: "user" as const, role: "viewer", departmentIds: ["legal-id"] };
const key = { kind: "apiKey" as const, keyId: "key-1" };

const grant = (
  subjectType: ToolGrant["subjectType"],
  subjectId: string,
  tool: string,
  effect: ToolGrant["effect"],
) => ({
  subjectType,
  subjectId,
  tool,
  effect,
});

describe("MCP tool grants", () => {
  it("by default shows members and keys everything, viewers read-only tools, unknown roles no writes", () => {
    for (const role of ["owner", "admin", "member"])
      expect(defaultVisible({ kind: "user", role, departmentIds: [] }, write)).toBe(true);
    expect(defaultVisible(viewer, write)).toBe(false);
    expect(defaultVisible(viewer, read)).toBe(true);
    expect(defaultVisible(key, write)).toBe(true);
    expect(defaultVisible({ kind: "user", role: "superuser", departmentIds: [] }, write)).toBe(false);
  });

  it("hides for the role named, allows for a department's leads, and a matching hide wins over an allow", () => {
    const grants = [grant("ROLE", "owner", "run_agent", "HIDE"), grant("DEPARTMENT", "legal-id", "run_agent", "ALLOW")];
    expect(resolveVisibility(owner, write, grants)).toEqual({ visible: false, because: "hidden" });
    expect(resolveVisibility(legalLead, write, grants)).toEqual({ visible: true, because: "allowed" });
    expect(resolveVisibility(viewer, write, grants)).toEqual({ visible: false, because: "default" });
    const both = [...grants, grant("ROLE", "viewer", "run_agent", "HIDE")];
    expect(resolveVisibility(legalLead, write, both)).toEqual({ visible: false, because: "hidden" });
  });

  it("lets a key's grants speak only about that key, and grants only about their own tool", () => {
    const grants = [grant("API_KEY", "key-1", "get_task", "HIDE"), grant("ROLE", "member", "get_task", "HIDE")];
    expect(resolveVisibility(key, read, grants).visible).toBe(false);
    expect(resolveVisibility({ kind: "apiKey", keyId: "key-2" }, read, grants).visible).toBe(true);
    expect(resolveVisibility(key, write, grants)).toEqual({ visible: true, because: "default" });
  });
});
