import "server-only";
import { countUnreadNotifications } from "../../../services/notifications/list-notifications";
import { orgProcedure } from "../../init";
import { ZUnreadCountResponseSchema } from "./unread-count.types";

/** Input: just the org (orgProcedure's own zod input). */
export const unreadCountProcedure = orgProcedure
  .output(ZUnreadCountResponseSchema)
  .query(async ({ ctx }) => ({ count: await countUnreadNotifications({ orgId: ctx.org.id, userId: ctx.user.id }) }));
