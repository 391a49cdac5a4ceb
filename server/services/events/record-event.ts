import "server-only";
import type { Tx } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import {
  ORG_EVENT_CATALOGUE,
  parseOrgEventData,
  ZEventActorSchema,
  type EventActor,
  type OrgEventDataInput,
  type OrgEventSubjectType,
  type OrgEventType,
} from "./catalogue";
import { noteRecordedEvents } from "./event-transaction";

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
  const [id] = await recordEvents(tx, [input as AnyRecordEventInput]);
  return { id: id! };
}

/** Any event of the catalogue, its data typed by its type. */
export type AnyRecordEventInput = { [T in OrgEventType]: RecordEventInput<T> }[OrgEventType];

/**
 * Several events of one change in one statement (in order), with
 * recordEvent's checks for each: what a hot path such as a task's end
 * records without a round trip per event.
 */
export async function recordEvents(tx: Tx, inputs: readonly AnyRecordEventInput[]): Promise<bigint[]> {
  if (inputs.length === 0) return [];
  const calls = inputs.map((input) => {
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
    return Prisma.sql`bureau_record_event(${input.orgId}, ${input.type}, ${entry.subject}, ${input.subject.id},
      ${actor.kind}, ${actor.id}, ${JSON.stringify(data.data)}::jsonb)`;
  });
  // An array constructor evaluates its elements in order, so ids follow the list.
  const [row] = await tx.$queryRaw<{ ids: bigint[] }[]>`SELECT ARRAY[${Prisma.join(calls)}]::bigint[] AS ids`;
  if (!row || row.ids.length !== inputs.length) throw new Error("bureau_record_event returned no id.");
  const ids = row.ids.map((id) => BigInt(id));
  for (const [index, input] of inputs.entries()) noteRecordedEvents(tx, input.orgId, [ids[index]!]);
  return ids;
}
