import { describe, expect, it } from "vitest";
import { permissionsToScopes, scopesToPermissions } from "@/server/auth/api-key-scopes";

describe("API key scopes", () => {
  it("round-trips scopes through better-auth's permission shape", () => {
    const permissions = scopesToPermissions(["tasks:read", "tasks:write", "agents:read"]);
    expect(permissions).toEqual({ tasks: ["read", "write"], agents: ["read"] });
    expect(permissionsToScopes(JSON.stringify(permissions)).sort()).toEqual([
      "agents:read",
      "tasks:read",
      "tasks:write",
    ]);
  });

  it("ignores unknown scopes and unreadable data", () => {
    expect(permissionsToScopes({ tasks: ["read", "delete-everything"], admin: ["all"] })).toEqual(["tasks:read"]);
    expect(permissionsToScopes("{not json")).toEqual([]);
    expect(permissionsToScopes(null)).toEqual([]);
  });
});
