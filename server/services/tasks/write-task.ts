import "server-only";
import type { Tx } from "../../db";
import { groupCommit } from "../../group-commit";
import type { TaskSource, TaskState } from "../../generated/prisma/enums";
import type { InputJsonValue } from "../../generated/prisma/internal/prismaNamespace";
import { Prisma } from "../../generated/prisma/client";
import { isTerminal, type BureauArtifact, type BureauMessage, type BureauPart } from "../../a2a/bureau-format";
import { appendParts } from "../../schemas/task-event-view";
import { captureHoldIn, type CaptureResult } from "../ledger/capture-hold";
import { releaseHoldIn, type ReleaseResult } from "../ledger/release-hold";
import type { EventActor } from "../events/catalogue";
import { recordEvents, type AnyRecordEventInput } from "../events/record-event";
import { publishOrgEventNotifications, publishTaskNotifications, type TaskNotification } from "../events/task-fanout";
import { insertTaskEvents, type NewTaskEvent } from "./task-events";

/** The commit stream of everything that moves an org's money (see GroupCommitter). */
export const orgStream = (orgId: string) => `org:${orgId}`;

export interface StatusChange {
  to: TaskState;
  /** The states the task may move from (a late update never overwrites an end). */
  from: readonly TaskState[];
  /** The agent's status message, shown to the buyer. */
  message?: BureauMessage;
  statusText?: string;
  /**
   * Whether an update that changes nothing (same state, same text) is still
   * logged. A streamed status update is something the agent said, so it is;
   * a polled snapshot repeating the state already recorded is not.
   */
  logRepeats?: boolean;
}

export interface ArtifactChange {
  artifact: BureauArtifact;
  /** Adds the parts to the stored ones instead of replacing them. */
  append?: boolean;
  lastChunk?: boolean;
  /** From a snapshot (GetTask, a blocking reply): recorded only when the content differs from what is stored. */
  snapshot?: boolean;
}

/** Everything one agent response changes on a task, written together. */
export interface TaskWrite {
  taskId: string;
  /** The task's org, when the caller knows it: a settling write then commits in the org's stream. */
  orgId?: string;
  /** The agent's own ids for the task, learnt from its first reply (kept once set). */
  remote?: { taskId: string; contextId: string };
  artifacts?: ArtifactChange[];
  status?: StatusChange;
  /** The turn whose message the agent has acknowledged. */
  sentTurn?: number;
  /** Ends the in-process run's claim on the task (its turn paused, ended or was handed off). */
  releaseRunner?: boolean;
  /** Who made the change, for the org's event log: the agent unless said (a cancel, a give-up). */
  actor?: EventActor;
}

export interface TaskWriteResult {
  /** The state the task is in after the write. */
  state: TaskState;
  transitioned: boolean;
  /** What settling did, when this write ended the task (or found it ended and unsettled). */
  settled: "captured" | "released" | "nothing" | null;
}

interface LockedTask {
  id: string;
  orgId: string;
  agentId: string;
  state: TaskState;
  statusMessage: string | null;
  startedAt: Date | null;
  createdAt: Date;
  price: number;
  source: TaskSource;
  settledAt: Date | null;
  remoteTaskId: string | null;
  sentTurn: number;
  runnerId: string | null;
}

/** JSON with object keys sorted: Postgres' jsonb does not keep key order, so plain JSON text would differ. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object")
    return `{${Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(",")}}`;
  return JSON.stringify(value) ?? "null";
}

/** Same content, however it was cut into text parts (stored chunks are joined; the agent's copy may not be). */
const joined = (list: readonly BureauPart[]) => list.reduce<BureauPart[]>((all, p) => appendParts(all, [p]), []);
const sameParts = (stored: readonly BureauPart[], parts: readonly BureauPart[]) =>
  canonical(joined(stored)) === canonical(joined(parts));

/**
 * Applies one agent response to a task in ONE transaction (group-committed
 * with other tasks' writes, see commitStream) under the task's row lock: the
 * agent's ids, artifacts (appends merged), the status change
 * (conditional on the current state), the acknowledged turn, the log events
 * with their NOTIFY, and, when the task has just ended, its settlement:
 * the hold captured (completed) or released (anything else), so a task's
 * end and its money commit together or not at all. A simple turn is
 * therefore one transaction, and a replay of any write changes nothing.
 *
 * The row lock also orders the task's events: one writer at a time, so
 * event ids commit in order and live streams never skip one.
 */
export async function writeTask(input: TaskWrite): Promise<TaskWriteResult | null> {
  const written = await groupCommit.run(commitStream(input), (tx) => writeLocked(tx, input));
  if (written?.notification) await publishTaskNotifications([written.notification]);
  if (written?.orgEvent) await publishOrgEventNotifications([written.orgEvent]);
  return written && { state: written.state, transitioned: written.transitioned, settled: written.settled };
}

async function writeLocked(
  tx: Tx,
  input: TaskWrite,
): Promise<
  (TaskWriteResult & { notification: TaskNotification | null; orgEvent: { orgId: string; id: bigint } | null }) | null
> {
  const rows = await tx.$queryRaw<LockedTask[]>`
    SELECT id, "orgId", "agentId", state::text AS state, "statusMessage", "startedAt", "createdAt", price,
           source::text AS source, "settledAt", "remoteTaskId", "sentTurn",
           "runnerId"
    FROM "Task" WHERE id = ${input.taskId} FOR UPDATE`;
  const task = rows[0];
  if (!task) return null;
  const now = new Date();
  const events: NewTaskEvent[] = [];
  const update: TaskRowUpdate = {};

  if (input.remote?.taskId && !task.remoteTaskId) {
    update.remoteTaskId = input.remote.taskId;
    update.remoteContextId = input.remote.contextId || null;
  }
  if (input.artifacts?.length) events.push(...(await writeArtifacts(tx, task.id, input.artifacts)));

  let state = task.state;
  let statusMessage = task.statusMessage;
  let transitioned = false;
  const status = input.status;
  if (status && status.from.includes(task.state)) {
    // Polling, or a snapshot after a stream, repeats what is already recorded.
    const unchanged = task.state === status.to && (task.statusMessage ?? undefined) === status.statusText;
    if (!unchanged || status.logRepeats) {
      transitioned = true;
      state = status.to;
      statusMessage = status.statusText ?? null;
      update.state = status.to;
      update.statusMessage = statusMessage;
      if (status.to === "WORKING" && !task.startedAt) update.startedAt = now;
      if (isTerminal(status.to)) {
        update.finishedAt = now;
        update.durationMs = now.getTime() - (task.startedAt ?? task.createdAt).getTime();
      }
      events.push({
        kind: "status",
        data: {
          state: status.to,
          ...(status.message ? { message: status.message } : {}),
          ...(status.statusText ? { text: status.statusText } : {}),
          timestamp: now.toISOString(),
        },
      });
    }
  }
  if (input.sentTurn !== undefined && task.sentTurn < input.sentTurn) update.sentTurn = input.sentTurn;
  const settling = isTerminal(state) && !task.settledAt;
  if (settling) update.settledAt = now;
  // The turn paused or ended: an in-process runner's claim ends with it.
  const turnOver = input.releaseRunner || isTerminal(state) || state === "INPUT_REQUIRED";
  if (turnOver && task.runnerId !== null) update.runnerId = null;

  await updateTaskRow(tx, task.id, update);
  const ids = await insertTaskEvents(tx, { taskId: task.id, orgId: task.orgId }, events);
  // Money last: the ledger rows it locks are shared by every task of the
  // org (and the seller), so they are held only for the end of this one.
  const settlement = settling ? await settleLocked(tx, { ...task, state, statusMessage }) : null;
  // The org's event log, last (it takes the org's event-writer lock until commit).
  const actor = input.actor ?? { kind: "agent" as const, id: task.agentId };
  const subject = { type: "task" as const, id: task.id };
  const eventBase = { orgId: task.orgId, subject, actor };
  const orgEventIds = await recordEvents(tx, [
    ...(transitioned && state !== task.state
      ? [
          {
            ...eventBase,
            type: "task.state_changed" as const,
            data: { from: task.state, to: state, message: statusMessage?.slice(0, 2000) ?? null },
          },
        ]
      : []),
    ...events
      .filter((e) => e.kind === "artifact" && e.data.lastChunk !== false)
      .map((e) => ({
        ...eventBase,
        type: "task.artifact" as const,
        data: { artifactId: String(e.data.artifactId), name: typeof e.data.name === "string" ? e.data.name : null },
      })),
    ...(settlement ? settlementEvents(eventBase, state, settlement) : []),
  ]);
  const settled = settlement?.outcome ?? null;
  const last = ids.at(-1);
  const notification = last === undefined ? null : { orgId: task.orgId, taskId: task.id, id: String(last) };
  const lastOrgEvent = orgEventIds.at(-1);
  const orgEvent = lastOrgEvent === undefined ? null : { orgId: task.orgId, id: lastOrgEvent };
  return { state, transitioned, settled, notification, orgEvent };
}

/**
 * Writes group-commit in a few streams. One that may settle money commits in
 * its org's stream, the one accepts use (orgStream): holds and captures of
 * an org both lock its holds account, so one stream per org takes that lock
 * once per batch instead of two streams trading it. Progress writes spread
 * over four streams by task; a task's writes, which its runner awaits one by
 * one, stay in order.
 */
function commitStream(input: TaskWrite): string {
  // Ends and pauses (which also write the org's event log) go with the money.
  const mayEnd = input.status
    ? input.status.to !== "WORKING"
    : !input.artifacts?.length && !input.remote && input.sentTurn === undefined;
  if (mayEnd) return input.orgId ? orgStream(input.orgId) : "task-settle";
  let hash = 0;
  for (const char of input.taskId) hash = (hash * 31 + char.charCodeAt(0)) | 0;
  return `task-write:${Math.abs(hash) % 4}`;
}

/** The columns a write may change on the task row. */
interface TaskRowUpdate {
  remoteTaskId?: string;
  remoteContextId?: string | null;
  state?: TaskState;
  statusMessage?: string | null;
  startedAt?: Date;
  finishedAt?: Date;
  durationMs?: number;
  sentTurn?: number;
  settledAt?: Date;
  runnerId?: null;
}

/**
 * One UPDATE of the columns that changed (hot path: a plain statement, not a
 * model query). Column names come from TaskRowUpdate's keys, never input.
 */
async function updateTaskRow(tx: Tx, taskId: string, update: TaskRowUpdate): Promise<void> {
  const entries = Object.entries(update) as [keyof TaskRowUpdate, unknown][];
  if (entries.length === 0) return;
  const sets = entries.map(([column, value]) =>
    column === "state"
      ? Prisma.sql`"state" = ${value}::"TaskState"`
      : Prisma.sql`${Prisma.raw(`"${column}"`)} = ${value}`,
  );
  await tx.$executeRaw`UPDATE "Task" SET ${Prisma.join(sets)}, "updatedAt" = ${new Date()} WHERE id = ${taskId}`;
}

async function writeArtifacts(tx: Tx, taskId: string, changes: ArtifactChange[]): Promise<NewTaskEvent[]> {
  const ids = [...new Set(changes.map((c) => c.artifact.artifactId))];
  const stored = await tx.$queryRaw<{ artifactId: string; parts: unknown }[]>`
    SELECT "artifactId", parts FROM "Artifact" WHERE "taskId" = ${taskId} AND "artifactId" = ANY(${ids}::text[])`;
  const current = new Map(stored.map((a) => [a.artifactId, a.parts as unknown as BureauPart[]]));
  const events: NewTaskEvent[] = [];
  for (const change of changes) {
    const { artifact } = change;
    const existing = current.get(artifact.artifactId);
    if (change.snapshot && existing && sameParts(existing, artifact.parts)) continue;
    const append = Boolean(change.append) && !change.snapshot;
    const parts = append && existing ? appendParts(existing, artifact.parts) : artifact.parts;
    current.set(artifact.artifactId, parts);
    await tx.artifact.upsert({
      where: { taskId_artifactId: { taskId, artifactId: artifact.artifactId } },
      create: {
        taskId,
        artifactId: artifact.artifactId,
        name: artifact.name ?? null,
        description: artifact.description ?? null,
        parts: parts as InputJsonValue,
      },
      update: {
        parts: parts as InputJsonValue,
        ...(artifact.name ? { name: artifact.name } : {}),
        ...(artifact.description ? { description: artifact.description } : {}),
      },
      select: { id: true },
    });
    events.push({
      kind: "artifact",
      data: { ...artifact, append, lastChunk: change.snapshot ? true : change.lastChunk },
    });
  }
  return events;
}

/**
 * Settles an ended task whose row the caller holds locked and whose
 * settledAt it is setting in the same transaction: capture on completion,
 * release otherwise, and the agent's task count (not for sandbox runs).
 */
type Settlement =
  | { outcome: "nothing" }
  | { outcome: "captured"; capture: Extract<CaptureResult, { captured: true }> }
  | { outcome: "released"; release: Extract<ReleaseResult, { released: true }> };

async function settleLocked(
  tx: Tx,
  task: Pick<LockedTask, "id" | "agentId" | "price" | "source" | "state" | "statusMessage">,
): Promise<Settlement> {
  // A seller's test run of its draft is not a marketplace task; its paid runs of its own listing are.
  if (task.source !== "SANDBOX")
    await tx.$executeRaw`UPDATE "Agent" SET "taskCount" = "taskCount" + 1 WHERE id = ${task.agentId}`;
  if (task.price <= 0) return { outcome: "nothing" };
  if (task.state === "COMPLETED") {
    const capture = await captureHoldIn(tx, { taskId: task.id });
    return capture.captured ? { outcome: "captured", capture } : { outcome: "nothing" };
  }
  const reason = `${task.state.toLowerCase()}${task.statusMessage ? `: ${task.statusMessage}` : ""}`.slice(0, 300);
  const release = await releaseHoldIn(tx, { taskId: task.id, reason });
  return release.released ? { outcome: "released", release } : { outcome: "nothing" };
}

/** The org events of a settlement: the money movement, then the task's settling. */
function settlementEvents(
  base: Pick<AnyRecordEventInput, "orgId" | "actor"> & { subject: { type: "task"; id: string } },
  state: TaskState,
  settlement: Settlement,
): AnyRecordEventInput[] {
  const money: AnyRecordEventInput[] =
    settlement.outcome === "captured"
      ? [
          {
            ...base,
            type: "credits.captured",
            data: {
              holdId: settlement.capture.holdId,
              amount: settlement.capture.amount,
              sellerAmount: settlement.capture.sellerAmount,
              feeAmount: settlement.capture.feeAmount,
            },
          },
        ]
      : settlement.outcome === "released"
        ? [
            {
              ...base,
              type: "credits.released",
              data: {
                holdId: settlement.release.holdId,
                amount: settlement.release.amount,
                reason: settlement.release.reason,
              },
            },
          ]
        : [];
  const outcome = settlement.outcome === "nothing" ? "none" : settlement.outcome;
  const charged = settlement.outcome === "captured" ? settlement.capture.amount : 0;
  return [...money, { ...base, type: "task.settled", data: { state, outcome, chargedCredits: charged } }];
}

/**
 * Settles a task that ended without settling (a run interrupted between
 * the two, before both were written together). Safe to call any number of
 * times: a settled task is left alone.
 */
export async function settleEndedTask(taskId: string): Promise<TaskWriteResult | null> {
  return writeTask({ taskId });
}
