import "server-only";
import { createTRPCRouter } from "../../init";
import { listNotificationsProcedure } from "./list-notifications";
import { markReadProcedure } from "./mark-read";
import { unreadCountProcedure } from "./unread-count";

export const notificationsRouter = createTRPCRouter({
  list: listNotificationsProcedure,
  unreadCount: unreadCountProcedure,
  markRead: markReadProcedure,
});
