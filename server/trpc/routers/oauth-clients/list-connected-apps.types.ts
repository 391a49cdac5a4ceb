import { z } from "zod";
import { MCP_OAUTH_SCOPES } from "../../../auth/mcp-oauth-scopes";

export const ZConnectedAppSchema = z.object({
  id: z.string(),
  clientName: z.string(),
  clientUri: z.string().nullable(),
  verifiedHost: z.string().nullable(),
  org: z.object({ id: z.string(), name: z.string() }),
  scopes: z.array(z.enum(MCP_OAUTH_SCOPES)),
  connectedAt: z.date(),
  lastActiveAt: z.date().nullable(),
});
export const ZListConnectedAppsResponseSchema = z.array(ZConnectedAppSchema);
