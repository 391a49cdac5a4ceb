import { describe, expect, it } from "vitest";
import { isClientMetadataDocumentUrl } from "./mcp-client-metadata-documents";
import { bureauScopesFor, scopesAllowedForRole } from "./mcp-oauth-scopes";

const READS = [
  "mcp:use",
  "agents:read",
  "tasks:read",
  "workflows:read",
  "company:read",
  "events:read",
  "knowledge:read",
];

describe("MCP OAuth scopes", () => {
  it("maps granted OAuth scopes to Bureau's, narrowed to the role", () => {
    const all = ["mcp:use", "tasks:write", "workflows:run", "approvals:write", "knowledge:write", "offline_access"];
    expect(bureauScopesFor(all, "owner")).toEqual([
      ...READS,
      "tasks:write",
      "workflows:run",
      "approvals:write",
      "knowledge:write",
    ]);
    expect(bureauScopesFor(all, "viewer")).toEqual([...READS, "approvals:write"]);
    expect(scopesAllowedForRole(all, "viewer")).toEqual(["mcp:use", "approvals:write", "offline_access"]);
  });

  it("grants nothing without mcp:use, for an unknown role, or for scopes it does not know", () => {
    expect(bureauScopesFor(["tasks:write", "offline_access"], "owner")).toEqual([]);
    expect(bureauScopesFor(["mcp:use", "tasks:write"], "guest")).toEqual([]);
    expect(bureauScopesFor(["mcp:use", "admin:everything"], "owner")).toEqual(READS);
  });
});

describe("client ID metadata document URLs", () => {
  it("accepts an https URL with a path, and http only on this machine outside production", () => {
    expect(isClientMetadataDocumentUrl("https://app.example/oauth/client.json")).toBe(true);
    expect(isClientMetadataDocumentUrl("http://127.0.0.1:4000/client.json")).toBe(true);
    expect(isClientMetadataDocumentUrl("http://app.example/client.json")).toBe(false);
  });

  it("refuses what is not a canonical document URL (or a registered client's random id)", () => {
    for (const id of [
      "aBcDeFgHiJkLmNoPqRsTuVwXyZaBcDeF",
      "https://app.example",
      "https://app.example/",
      "https://app.example/a#frag",
      "https://user:pw@app.example/client.json",
      "https://app.example/a/../client.json",
      "https://APP.example/client.json",
    ]) {
      expect(isClientMetadataDocumentUrl(id), id).toBe(false);
    }
  });
});
