import "server-only";
import { z } from "zod";
import { ZOrgEventViewSchema } from "../../../schemas/org-events";

export const ZOrgEventSchema = ZOrgEventViewSchema.meta({
  id: "OrgEvent",
  description:
    "A fact about a change in the org, written in the same transaction as the change. `data` depends on `type`.",
});

/** The event log's page (it predates the `{ items, nextCursor }` shape of newer lists, and keeps its own). */
export const ZOrgEventPageSchema = z.object({
  events: z.array(ZOrgEventSchema).meta({ description: "Oldest first." }),
  next: z.string().meta({
    description:
      "Pass back as `after` to continue. It stays put when nothing new came, so polling with it never skips an event.",
  }),
  hasMore: z.boolean().meta({ description: "True when more events are already waiting after `next`." }),
});

/** One event of the live stream, field by field (`data:` carries the event as JSON). */
export const ZOrgEventFrameSchema = z.object({
  id: z.string().meta({ description: "The event's id: what `Last-Event-ID` resumes after." }),
  data: ZOrgEventSchema,
});
