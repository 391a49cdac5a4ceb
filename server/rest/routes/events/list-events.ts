import "server-only";
import { listOrgEvents } from "../../../services/events/list-org-events";
import { defineRoute } from "../../route";
import { ZOrgEventPageSchema } from "./event-schemas";
import { ZEventsQuerySchema } from "./events-query";

export const listEvents = defineRoute({
  method: "get",
  path: "/api/v1/events",
  operationId: "listEvents",
  summary: "Read the org's event log",
  description:
    "The key's org's events after the cursor, oldest first. Pass `next` back as `after` to continue; " +
    "another org's events are never visible.",
  tag: "Events",
  access: { kind: "apiKey", scope: "events:read" },
  query: ZEventsQuerySchema,
  responses: { 200: { description: "A page of events.", schema: ZOrgEventPageSchema } },
  handler: async ({ principal, query }) => ({
    status: 200,
    body: await listOrgEvents({
      orgId: principal.orgId,
      after: query.after ?? 0n,
      limit: query.limit,
      types: query.types,
      subjectId: query.subject,
    }),
  }),
});
