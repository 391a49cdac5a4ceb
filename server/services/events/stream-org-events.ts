import "server-only";
import { EventEmitter } from "node:events";
import { ORG_EVENTS_CHANNEL, type OrgEventView } from "./catalogue";
import { listOrgEvents, MAX_EVENTS_PAGE, type OrgEventFilter } from "./list-org-events";
import { taskListener } from "./task-listener";

/**
 * A stream wakes on the NOTIFY its event's commit sends; this re-read covers a
 * notification lost while the listener reconnects. Jittered, so ten thousand
 * idle streams spread their reads out.
 */
const RECHECK_MS = 15_000;

/** One subscription per process on the shared LISTEN connection, fanned out in memory by org. */
const orgWakeups = new EventEmitter().setMaxListeners(0);
let subscribed = false;
function ensureSubscribed(): void {
  if (subscribed) return;
  subscribed = true;
  taskListener.subscribe(ORG_EVENTS_CHANNEL, (payload) => {
    const orgId = payload.slice(0, payload.lastIndexOf(":"));
    if (orgId) orgWakeups.emit(orgId);
  });
}

type Page = Awaited<ReturnType<typeof listOrgEvents>>;
const inflight = new Map<string, Promise<Page>>();

/** Streams of one org usually sit at the same position: one notification, one read for all of them. */
function readAfter(orgId: string, after: bigint, filter: OrgEventFilter): Promise<Page> {
  const key = JSON.stringify([orgId, after.toString(), filter.types ?? null, filter.subjectId ?? null]);
  let read = inflight.get(key);
  if (!read) {
    read = listOrgEvents({ orgId, after, limit: MAX_EVENTS_PAGE, ...filter }).finally(() => inflight.delete(key));
    inflight.set(key, read);
  }
  return read;
}

/**
 * Yields the org's events after `after` (filtered), live, until `signal`
 * aborts or `stillAllowed` (asked on each timed re-read) says no. Every
 * event comes from the table, so a stream shows exactly what a reload of
 * GET /api/v1/events from the same cursor shows.
 */
export async function* streamOrgEvents(
  input: { orgId: string; after: bigint; signal: AbortSignal; stillAllowed?: () => Promise<boolean> } & OrgEventFilter,
): AsyncGenerator<OrgEventView> {
  const filter: OrgEventFilter = { types: input.types, subjectId: input.subjectId };
  let after = input.after;
  let wake: (() => void) | null = null;
  // A notification that lands while we are reading must not be slept through.
  let dirty = false;
  const onNote = () => {
    dirty = true;
    wake?.();
  };
  const onAbort = () => wake?.();
  ensureSubscribed();
  await taskListener.ensure().catch(() => undefined); // the timer still re-reads while it reconnects
  orgWakeups.on(input.orgId, onNote);
  taskListener.on("reconnected", onNote);
  input.signal.addEventListener("abort", onAbort);
  try {
    while (!input.signal.aborted) {
      dirty = false;
      const page = await readAfter(input.orgId, after, filter);
      for (const event of page.events) {
        if (input.signal.aborted) return;
        yield event;
      }
      after = BigInt(page.next);
      if (page.hasMore || dirty) continue;
      if (input.signal.aborted) return;
      const timedOut = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(true), RECHECK_MS * (0.5 + Math.random()));
        wake = () => {
          clearTimeout(timer);
          resolve(false);
        };
        if (input.signal.aborted) wake();
      });
      wake = null;
      if (timedOut && input.stillAllowed && !(await input.stillAllowed())) return;
    }
  } finally {
    orgWakeups.off(input.orgId, onNote);
    taskListener.off("reconnected", onNote);
    input.signal.removeEventListener("abort", onAbort);
  }
}
