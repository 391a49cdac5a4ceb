import "server-only";
import { logger } from "../../logger";
import { ORG_EVENTS_CHANNEL } from "../events/catalogue";
import { taskListener } from "../events/task-listener";
import { dispatchOrgEvents } from "./dispatch-org-events";

/** Events of one org arriving within this window are dispatched in one pass. */
const DEBOUNCE_MS = 200;

interface OrgState {
  timer: NodeJS.Timeout | null;
  running: boolean;
  again: boolean;
}

const globalForDispatcher = globalThis as unknown as { bureauWebhookDispatcher?: () => void };

/**
 * Wakes the webhook dispatcher for an org when its events commit (the
 * bureau_org_events notification, on the process's shared listener),
 * debounced per org, one pass at a time per org. A missed notification only
 * delays delivery until the minute sweep (sweep-webhooks). Idempotent per
 * process; returns the stop function.
 */
export function startWebhookDispatcher(): () => void {
  if (globalForDispatcher.bureauWebhookDispatcher) return globalForDispatcher.bureauWebhookDispatcher;
  const orgs = new Map<string, OrgState>();
  const run = (orgId: string, state: OrgState) => {
    state.timer = null;
    state.running = true;
    dispatchOrgEvents({ orgId })
      .catch((error: unknown) => logger.error({ err: error, orgId }, "webhook dispatch failed"))
      .finally(() => {
        state.running = false;
        if (state.again) {
          state.again = false;
          schedule(orgId);
        } else orgs.delete(orgId);
      });
  };
  const schedule = (orgId: string) => {
    let state = orgs.get(orgId);
    if (!state) {
      state = { timer: null, running: false, again: false };
      orgs.set(orgId, state);
    }
    if (state.running) state.again = true;
    else if (!state.timer) {
      const current = state;
      state.timer = setTimeout(() => run(orgId, current), DEBOUNCE_MS);
      state.timer.unref();
    }
  };
  const unsubscribe = taskListener.subscribe(ORG_EVENTS_CHANNEL, (payload) => {
    const orgId = payload.slice(0, payload.lastIndexOf(":"));
    if (orgId) schedule(orgId);
  });
  taskListener.ensure().catch(() => undefined); // the sweep covers the time it reconnects
  const stop = () => {
    unsubscribe();
    for (const state of orgs.values()) if (state.timer) clearTimeout(state.timer);
    orgs.clear();
    globalForDispatcher.bureauWebhookDispatcher = undefined;
  };
  globalForDispatcher.bureauWebhookDispatcher = stop;
  return stop;
}
