import { describe, expect, it } from "vitest";
import { positionToolName } from "@/server/mcp/tools/positions";
import { BUILTIN_TOOLS } from "@/server/mcp/tools/registry";
import { toolListing } from "@/server/mcp/tools/tool";

const MCP_NAME = /^[A-Za-z0-9_.-]{1,64}$/;

describe("MCP tool names and listings", () => {
  it("names a position <department>__<the id's last 8 characters>, within the charset and 64 characters", () => {
    expect(positionToolName("marketing", "0193a5f2-7c1e-7b3d-9a4e-5f6a7b8c9d0e")).toBe("marketing__7b8c9d0e");
    const long = positionToolName("a".repeat(80), "0193a5f2-7c1e-7b3d-9a4e-5f6a7b8c9d0e");
    expect(long).toMatch(MCP_NAME);
    expect(long.endsWith("__7b8c9d0e")).toBe(true);
    expect(positionToolName("r&d team", "0193a5f2-7c1e-7b3d-9a4e-5f6a7b8c9d0e")).toBe("r-d-team__7b8c9d0e");
  });

  it("gives every built-in tool a distinct valid name, a title, annotations and object schemas in and out", () => {
    const names = BUILTIN_TOOLS.map((t) => t.name);
    expect(new Set(names).size).toBe(names.length);
    for (const tool of BUILTIN_TOOLS) {
      const listing = toolListing(tool);
      expect(listing.name).toMatch(MCP_NAME);
      expect(listing.title).toBeTruthy();
      expect(listing.description!.length).toBeGreaterThan(20);
      expect(listing.inputSchema.type).toBe("object");
      expect(listing.outputSchema?.type).toBe("object");
      expect(listing.annotations).toEqual(
        expect.objectContaining({
          readOnlyHint: expect.any(Boolean),
          destructiveHint: expect.any(Boolean),
          idempotentHint: expect.any(Boolean),
        }),
      );
      expect(tool.scopes.length).toBeGreaterThan(0);
    }
    expect(BUILTIN_TOOLS.filter((t) => t.startTask).map((t) => t.name)).toEqual(["run_agent", "ask_department"]);
  });
});
