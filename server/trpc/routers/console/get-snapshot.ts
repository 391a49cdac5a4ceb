import "server-only";
import { getConsoleSnapshot } from "../../../services/console/get-console-snapshot";
import { orgProcedure } from "../../init";
import { ZConsoleSnapshotSchema } from "./get-snapshot.types";

/** Every member reads the console, viewers included: it only shows figures, never changes anything. */
export const getConsoleSnapshotProcedure = orgProcedure
  .output(ZConsoleSnapshotSchema)
  .query(({ ctx }) => getConsoleSnapshot({ orgId: ctx.org.id }));
