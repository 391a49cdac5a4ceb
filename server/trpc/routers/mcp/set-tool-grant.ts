import "server-only";
import { BUILTIN_TOOL_NAMES } from "../../../mcp/tools/registry";
import { setToolGrant } from "../../../services/mcp/tool-grants";
import { orgRoleProcedure } from "../../init";
import { ZSetToolGrantRequestSchema, ZSetToolGrantResponseSchema } from "./grants.types";

/** Allows, hides or clears (effect null) one MCP tool for one subject (audited). */
export const setToolGrantProcedure = orgRoleProcedure("admin")
  .input(ZSetToolGrantRequestSchema)
  .output(ZSetToolGrantResponseSchema)
  .mutation(({ ctx, input }) =>
    setToolGrant({
      orgId: ctx.org.id,
      userId: ctx.user.id,
      subject: input.subject,
      tool: input.tool,
      effect: input.effect,
      builtins: BUILTIN_TOOL_NAMES,
    }),
  );
