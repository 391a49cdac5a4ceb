import "server-only";
import type { Tx } from "../../db";
import {
  ORG_EVENT_CATALOGUE,
  parseOrgEventData,
  ZEventActorSchema,
  type EventActor,
  type OrgEventDataInput,
  type OrgEventSubjectType,
  type OrgEventType,
} from "./catalogue";

export interface RecordEventInput<T extends OrgEventType> {
  orgId: string;
  type: T;
  subject: { type: OrgEventSubjectType<T>; id: string };
  actor: EventActor;
  data: OrgEventDataInput<T>;
}

/**
 * Appends one event to the org's log inside the caller's transaction (never a
 * transaction of its own): it commits with the change or not at all, and the
 * NOTIFY that wakes the streams is delivered on that commit. Data that does
 * not match the catalogue throws, failing the change with it.
 *
 * The database function takes the org's writer lock (shared with the audit
 * chain) until commit, so other event writers of the org wait: record the
 * event late in the transaction, after the writes that may wait on row locks.
 */
export async function recordEvent<T extends OrgEventType>(tx: Tx, input: RecordEventInput<T>): Promise<{ id: bigint }> {
  const entry = ORG_EVENT_CATALOGUE[input.type];
  if (!entry) throw new Error(`Unknown event type '${String(input.type)}'.`);
  if (input.subject.type !== entry.subject) {
    throw new Error(`A ${input.type} event is about a ${entry.subject}, not a ${input.subject.type}.`);
  }
  const actor = ZEventActorSchema.parse(input.actor);
  const data = parseOrgEventData(input.type, input.data);
  if (!data.success) {
    const problems = data.error.issues.map((i) => `${i.path.join(".") || "data"}: ${i.message}`).join("; ");
    throw new Error(`Event ${input.type} does not match the catalogue: ${problems}`);
  }
  const [row] = await tx.$queryRaw<{ id: bigint }[]>`
    SELECT bureau_record_event(${input.orgId}, ${input.type}, ${entry.subject}, ${input.subject.id},
      ${actor.kind}, ${actor.id}, ${JSON.stringify(data.data)}::jsonb) AS id`;
  if (!row) throw new Error("bureau_record_event returned no id.");
  return { id: row.id };
}
