import { z } from "zod";

/** A notification as the bell shows it (never the row's source key or email state). */
export const ZNotificationSchema = z.object({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  link: z.string().nullable(),
  readAt: z.date().nullable(),
  createdAt: z.date(),
});
