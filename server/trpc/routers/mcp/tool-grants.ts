import "server-only";
import { bureauScopesFor, MCP_OAUTH_SCOPES } from "../../../auth/mcp-oauth-scopes";
import { DomainError } from "../../../errors";
import { toolCatalogue } from "../../../mcp/tools/registry";
import { listApiKeys } from "../../../services/api-keys/list-api-keys";
import { defaultVisible } from "../../../services/mcp/grant-rules";
import { listToolGrants } from "../../../services/mcp/tool-grants";
import { orgRoleProcedure } from "../../init";
import { ZToolGrantsRequestSchema, ZToolGrantsResponseSchema } from "./grants.types";

/**
 * Every tool of the org for one subject: what its scopes reach, what it sees
 * with no grant, and the admin's grant if there is one. A role is shown with
 * the most its members can hold (the scopes of that role); a key with its own.
 */
export const toolGrantsProcedure = orgRoleProcedure("admin")
  .input(ZToolGrantsRequestSchema)
  .output(ZToolGrantsResponseSchema)
  .query(async ({ ctx, input }) => {
    const { subject } = input;
    const [tools, grants] = await Promise.all([
      toolCatalogue(ctx.org.id),
      listToolGrants({ orgId: ctx.org.id, userId: ctx.user.id }),
    ]);
    let scopes: readonly string[] | null = null;
    let byDefault: ((tool: { readOnly: boolean }) => boolean) | null = null;
    if (subject.type === "ROLE") {
      scopes = bureauScopesFor(MCP_OAUTH_SCOPES, subject.id);
      if (scopes.length === 0) throw new DomainError("not_found", "No such role in this organization.");
      byDefault = (tool) => defaultVisible({ kind: "user", role: subject.id, departmentIds: [] }, tool);
    } else if (subject.type === "API_KEY") {
      const key = (await listApiKeys({ orgId: ctx.org.id })).find((k) => k.id === subject.id);
      if (!key) throw new DomainError("not_found", "No such API key in this organization.");
      scopes = key.scopes;
      byDefault = () => true;
    }
    const mine = grants.filter((g) => g.subjectType === subject.type && g.subjectId === subject.id);
    return {
      tools: tools.map((tool) => ({
        ...tool,
        scopeAllows: scopes ? tool.scopes.some((s) => scopes.includes(s)) : null,
        visibleByDefault: byDefault ? byDefault(tool) : null,
        effect: mine.find((g) => g.tool === tool.key)?.effect ?? null,
      })),
    };
  });
