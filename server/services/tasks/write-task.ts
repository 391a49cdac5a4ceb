import "server-only";
import type { Tx } from "../../db";
import type { TaskState } from "../../generated/prisma/enums";
import type { BureauArtifact, BureauMessage } from "../../a2a/bureau-format";
import { captureTerms, checkSplit } from "../ledger/capture-hold";
import { parseOrgEventData, ZEventActorSchema, type EventActor } from "../events/catalogue";
import { publishOrgEventNotifications, publishTaskNotifications } from "../events/task-fanout";
import type { TaskView } from "./a2a-task";
import { queryRows, taskCommits } from "./sql-pool";
import { uuidV7 } from "./uuid-v7";
import { ingestReturnedKnowledge } from "./task-knowledge";

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

/**
 * Applies one agent response to a task in ONE statement (bureau_write_task;
 * group-committed with other tasks' writes, see commitStream) under the
 * task's row lock: the agent's ids, artifacts (appends merged), the status
 * change (conditional on the current state), the acknowledged turn, the log
 * events with their NOTIFY, and, when the task has just ended, its
 * settlement: the hold captured (completed) or released (anything else), so
 * a task's end and its money commit together or not at all. A simple turn is
 * therefore one statement, and a replay of any write changes nothing.
 *
 * The row lock also orders the task's events: one writer at a time, so
 * event ids commit in order and live streams never skip one.
 */
export async function writeTask(input: TaskWrite): Promise<TaskWriteResult | null> {
  const args = writeArguments(input);
  const written = await taskCommits.run(commitStream(input), (tx) => writeInTransaction(tx, args), {
    call: { fn: "bureau_write_task", args, read: (answer) => answer as Written | null },
  });
  if (!written) return null;
  if (written.capture) checkSplit(input.taskId, written.capture);
  if (written.lastEventId !== null)
    await publishTaskNotifications([{ orgId: written.orgId, taskId: input.taskId, id: written.lastEventId }]);
  if (written.lastOrgEventId !== null)
    await publishOrgEventNotifications([{ orgId: written.orgId, id: BigInt(written.lastOrgEventId) }]);
  if (written.paused && pauseNotes.has(input.taskId))
    pauseNotes.set(input.taskId, { ...written.paused, state: written.state });
  if (input.artifacts?.length && !input.actor)
    ingestReturnedKnowledge(
      written.orgId,
      input.taskId,
      input.artifacts.map((a) => a.artifact),
    );
  return { state: written.state, transitioned: written.transitioned, settled: written.settled };
}

/**
 * What a write that paused a task (it ended, or asks for input) knew of it:
 * enough to request its push, and the task as its caller sees it.
 */
export interface PauseNote {
  state: TaskState;
  turn: number;
  pushConfigs: boolean;
  view: TaskView | null;
}

/**
 * Pause notes of the tasks whose turn this process runs (watchPause), so the
 * runner requests the push, and a blocking SendMessage answers, without
 * reading the task again. Only watched
 * tasks get one, and the runner takes it when its turn ends.
 */
const pauseNotes = new Map<string, PauseNote | null>();

export function watchPause(taskId: string): void {
  pauseNotes.set(taskId, null);
}

/** The note of the last write that paused the task since watchPause (null if none), and stops watching. */
export function takePause(taskId: string): PauseNote | null {
  const note = pauseNotes.get(taskId) ?? null;
  pauseNotes.delete(taskId);
  return note;
}

/** What bureau_write_task answers (null: no such task). */
interface Written extends TaskWriteResult {
  orgId: string;
  capture: { holdId: string; amount: number; sellerAmount: number; feeAmount: number } | null;
  lastEventId: string | null;
  lastOrgEventId: string | null;
  /** Set when this write paused the task: its turn, whether it has push webhooks, and (when asked) its view. */
  paused: { turn: number; pushConfigs: boolean; view: TaskView | null } | null;
}

/**
 * The parts of the write's org events that come from outside (an agent's
 * artifact ids and names, the actor), checked against the catalogue before
 * anything is written, as recordEvents checks its events: a mismatch fails
 * the write. The rest of the events' data the function builds from the row.
 */
function checkEventInputs(input: TaskWrite): void {
  if (input.actor) ZEventActorSchema.parse(input.actor);
  for (const { artifact } of input.artifacts ?? []) {
    const data = { artifactId: artifact.artifactId, name: typeof artifact.name === "string" ? artifact.name : null };
    const parsed = parseOrgEventData("task.artifact", data);
    if (!parsed.success)
      throw new Error(`Event task.artifact does not match the catalogue: ${parsed.error.issues[0]?.message ?? ""}`);
  }
}

/**
 * bureau_write_task's arguments in its order (jsonb ones, 4 and 7, as JSON
 * values), computed once: a unit may run twice (in a batch statement, then
 * as its body under a savepoint).
 */
function writeArguments(input: TaskWrite): unknown[] {
  checkEventInputs(input);
  const now = new Date();
  const { availableAt, feeBps } = captureTerms(now);
  const status = input.status;
  return [
    input.taskId,
    now.toISOString(),
    input.remote?.taskId || null,
    input.remote?.contextId ?? null,
    input.artifacts?.length
      ? input.artifacts.map((change) => ({
          rowId: uuidV7(),
          artifact: change.artifact,
          append: change.append === true,
          lastChunk: change.lastChunk,
          snapshot: change.snapshot === true,
        }))
      : null,
    status?.to ?? null,
    status ? [...status.from] : [],
    status?.message ?? null,
    status?.statusText ?? null,
    status?.logRepeats === true,
    input.sentTurn ?? null,
    input.releaseRunner === true,
    input.actor?.kind ?? null,
    input.actor?.id ?? null,
    feeBps,
    availableAt,
    // A runner in this process waits for this task's pause: the pausing write brings it the task's view.
    pauseNotes.has(input.taskId),
  ];
}

/** bureau_write_task as a statement of its own, in Prisma's transaction. */
const WRITE_SQL = `SELECT bureau_write_task($1, $2, $3, $4, $5::jsonb, $6, $7::text[], $8::jsonb, $9, $10::boolean,
  $11::int, $12::boolean, $13, $14, $15::int, $16, $17::boolean) AS w`;
const JSONB_ARGS = new Set([4, 7]);

async function writeInTransaction(tx: Tx, args: unknown[]): Promise<Written | null> {
  const values = args.map((v, i) => (JSONB_ARGS.has(i) && v !== null ? JSON.stringify(v) : v));
  const [row] = await queryRows<{ w: Written | null }>({ text: WRITE_SQL, values }, tx);
  return row?.w ?? null;
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

/**
 * Settles a task that ended without settling (a run interrupted between
 * the two, before both were written together). Safe to call any number of
 * times: a settled task is left alone.
 */
export async function settleEndedTask(taskId: string): Promise<TaskWriteResult | null> {
  return writeTask({ taskId });
}
