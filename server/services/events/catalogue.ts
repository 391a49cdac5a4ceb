import "server-only";

// The catalogue itself lives in server/schemas/org-events.ts so the browser can
// render events with it; server code imports it from here.
export {
  EVENT_ACTOR_KINDS,
  ORG_EVENT_CATALOGUE,
  ORG_EVENT_TYPES,
  isOrgEventType,
  parseOrgEventData,
  ZEventActorSchema,
  type EventActor,
  type OrgEventData,
  type OrgEventDataInput,
  type OrgEventSubjectType,
  type OrgEventType,
  type OrgEventView,
} from "../../schemas/org-events";

/** The NOTIFY channel of committed org events; the payload is "<orgId>:<eventId>". */
export const ORG_EVENTS_CHANNEL = "bureau_org_events";
