import "server-only";
import { listConnectedApps } from "../../../auth/connected-apps/list-connected-apps";
import { protectedProcedure } from "../../init";
import { ZListConnectedAppsResponseSchema } from "./list-connected-apps.types";

/** The caller's own connections, in every org they consented for. */
export const listConnectedAppsProcedure = protectedProcedure
  .output(ZListConnectedAppsResponseSchema)
  .query(({ ctx }) => listConnectedApps({ userId: ctx.user.id }));
