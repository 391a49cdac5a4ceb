import "server-only";
import { createTRPCRouter } from "../../init";
import { getConsoleSnapshotProcedure } from "./get-snapshot";

export const consoleRouter = createTRPCRouter({
  snapshot: getConsoleSnapshotProcedure,
});
