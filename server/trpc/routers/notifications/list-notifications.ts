import "server-only";
import { listNotifications } from "../../../services/notifications/list-notifications";
import { orgProcedure } from "../../init";
import { ZListNotificationsRequestSchema, ZListNotificationsResponseSchema } from "./list-notifications.types";

export const listNotificationsProcedure = orgProcedure
  .input(ZListNotificationsRequestSchema)
  .output(ZListNotificationsResponseSchema)
  .query(({ ctx, input }) =>
    listNotifications({ orgId: ctx.org.id, userId: ctx.user.id, cursor: input.cursor, limit: input.limit }),
  );
