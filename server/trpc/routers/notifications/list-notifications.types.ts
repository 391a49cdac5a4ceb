import { z } from "zod";
import { zId } from "../../../schemas/primitives";
import { ZNotificationSchema } from "./notification.types";

export const ZListNotificationsRequestSchema = z.object({
  /** The last id of the previous page. */
  cursor: zId.nullish(),
  limit: z.number().int().min(1).max(50).default(20),
});
export const ZListNotificationsResponseSchema = z.object({
  items: z.array(ZNotificationSchema),
  nextCursor: z.string().nullable(),
});
