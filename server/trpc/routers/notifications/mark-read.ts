import "server-only";
import { markNotificationsRead } from "../../../services/notifications/mark-notifications-read";
import { orgProcedure } from "../../init";
import { ZMarkReadRequestSchema, ZMarkReadResponseSchema } from "./mark-read.types";

export const markReadProcedure = orgProcedure
  .input(ZMarkReadRequestSchema)
  .output(ZMarkReadResponseSchema)
  .mutation(({ ctx, input }) =>
    markNotificationsRead({
      orgId: ctx.org.id,
      userId: ctx.user.id,
      target: input.ids ? { ids: input.ids } : { all: true },
    }),
  );
