import "server-only";
import { createTRPCRouter } from "../../init";
import { grantSubjectsProcedure } from "./grant-subjects";
import { setToolGrantProcedure } from "./set-tool-grant";
import { toolGrantsProcedure } from "./tool-grants";

/** The org's MCP server as its admins configure it: which tools each role, department's leads and API key get. */
export const mcpRouter = createTRPCRouter({
  grantSubjects: grantSubjectsProcedure,
  toolGrants: toolGrantsProcedure,
  setToolGrant: setToolGrantProcedure,
});
