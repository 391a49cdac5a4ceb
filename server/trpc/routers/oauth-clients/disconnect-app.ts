import "server-only";
import { disconnectApp } from "../../../auth/connected-apps/disconnect-app";
import { protectedProcedure } from "../../init";
import { ZDisconnectAppRequestSchema, ZDisconnectAppResponseSchema } from "./disconnect-app.types";

export const disconnectAppProcedure = protectedProcedure
  .input(ZDisconnectAppRequestSchema)
  .output(ZDisconnectAppResponseSchema)
  .mutation(async ({ ctx, input }) => {
    await disconnectApp({ userId: ctx.user.id, connectionId: input.connectionId });
    return { disconnected: true as const };
  });
