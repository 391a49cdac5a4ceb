import "server-only";
import { createTRPCRouter } from "../../init";
import { disconnectAppProcedure } from "./disconnect-app";
import { listConnectedAppsProcedure } from "./list-connected-apps";

/** The OAuth clients (MCP clients) a user connected to Bureau: Settings → Connected apps. */
export const oauthClientsRouter = createTRPCRouter({
  list: listConnectedAppsProcedure,
  disconnect: disconnectAppProcedure,
});
