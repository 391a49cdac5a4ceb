import "server-only";
import { db, type Tx } from "../../db";
import { redisConfigured } from "../../redis";
import { publishOrgEventNotifications } from "./task-fanout";

/** The newest event id per org recorded in each open eventTransaction, keyed by its tx client. */
const recordedIn = new WeakMap<Tx, Map<string, bigint>>();

/** Called by recordEvents: remembers the org's newest id for the transaction's after-commit publish. */
export function noteRecordedEvents(tx: Tx, orgId: string, ids: readonly bigint[]): void {
  const recorded = recordedIn.get(tx);
  if (!recorded) return;
  for (const id of ids) if (id > (recorded.get(orgId) ?? 0n)) recorded.set(orgId, id);
}

type TransactionOptions = Parameters<typeof db.$transaction>[1];

/**
 * `db.$transaction` for a change that records org events: once it commits,
 * the events are announced on Redis (where REDIS_URL is set), so org event
 * streams and webhook dispatchers on every app process wake at once rather
 * than on their 15–45 s re-read. The pg_notify inside bureau_record_event
 * still covers Postgres-only deployments. Rolled back: nothing is announced.
 *
 * Every writer of org events outside the task path (which publishes from its
 * group commit) runs its transaction through here; a unit test holds that.
 */
export async function eventTransaction<T>(fn: (tx: Tx) => Promise<T>, options?: TransactionOptions): Promise<T> {
  const recorded = new Map<string, bigint>();
  const result = await db.$transaction(async (tx) => {
    recordedIn.set(tx, recorded);
    return fn(tx);
  }, options);
  await publishOrgEventNotifications([...recorded].map(([orgId, id]) => ({ orgId, id })));
  return result;
}

/**
 * Announces the org's newest event on Redis, for changes whose events a
 * database trigger records (better-auth writes invitations and members itself;
 * see the events outbox migration), so no eventTransaction surrounds them.
 * Call it after the write committed.
 */
export async function announceOrgEvents(orgId: string): Promise<void> {
  if (!redisConfigured()) return;
  const newest = await db.event.findFirst({ where: { orgId }, orderBy: { id: "desc" }, select: { id: true } });
  if (newest) await publishOrgEventNotifications([{ orgId, id: newest.id }]);
}
