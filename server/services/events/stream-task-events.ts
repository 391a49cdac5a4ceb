import "server-only";
import { db } from "../../db";
import { isTerminal } from "../../a2a/bureau-format";
import type { TaskState } from "../../generated/prisma/enums";
import { taskListener } from "./task-listener";

export interface StoredTaskEvent {
  id: bigint;
  taskId: string;
  kind: string;
  data: unknown;
  createdAt: Date;
}

/**
 * Streams wake on NOTIFY; this slow, jittered re-read only covers a lost
 * notification (listener reconnecting), so ten thousand idle streams cost
 * a few queries a second, not thousands.
 */
const RECHECK_MS = 30_000;
const PAGE = 500;

type Read = { task: { state: TaskState } | null; events: StoredTaskEvent[] };
const inflight = new Map<string, Promise<Read>>();

/**
 * Streams of one task usually sit at the same position, so a notification
 * wakes them all at once: concurrent reads of the same (task, position) share
 * one pair of queries instead of issuing one each.
 */
function readSince(orgId: string, taskId: string, after: bigint): Promise<Read> {
  const key = `${orgId}:${taskId}:${after}`;
  let read = inflight.get(key);
  if (!read) {
    read = (async () => {
      // The state is read before the events: an event written after this
      // read is caught by the next round, so nothing between them is lost.
      const task = await db.task.findFirst({ where: { id: taskId, orgId }, select: { state: true } });
      const events = task
        ? await db.taskEvent.findMany({
            where: { taskId, id: { gt: after } },
            orderBy: { id: "asc" },
            take: PAGE,
            select: { id: true, taskId: true, kind: true, data: true, createdAt: true },
          })
        : [];
      return { task, events };
    })().finally(() => inflight.delete(key));
    inflight.set(key, read);
  }
  return read;
}

/**
 * Yields a task's events after `afterId`, live, until the task pauses (ends
 * or asks for input) and every event up to that point was yielded. Scoped to
 * the org: a foreign task yields nothing. `until` lets a caller keep
 * following through input-required (the UI) or stop at any pause (A2A).
 */
export async function* streamTaskEvents(input: {
  orgId: string;
  taskId: string;
  afterId?: bigint;
  signal?: AbortSignal;
  stopAtInputRequired?: boolean;
}): AsyncGenerator<StoredTaskEvent> {
  let after = input.afterId ?? -1n;
  let wake: (() => void) | null = null;
  // A notification that lands while we are reading must not be slept through.
  let dirty = false;
  const onNote = () => {
    dirty = true;
    wake?.();
  };
  await taskListener.ensure();
  taskListener.on(`task:${input.taskId}`, onNote);
  taskListener.on("reconnected", onNote);
  try {
    while (!input.signal?.aborted) {
      dirty = false;
      const { task, events } = await readSince(input.orgId, input.taskId, after);
      if (!task) return;
      for (const event of events) {
        after = event.id;
        yield event;
      }
      if (events.length === PAGE) continue;
      const paused =
        isTerminal(task.state) ||
        (input.stopAtInputRequired !== false && (task.state === "INPUT_REQUIRED" || task.state === "AUTH_REQUIRED"));
      if (paused) return;
      if (dirty) continue;
      if (input.signal?.aborted) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, RECHECK_MS * (0.5 + Math.random()));
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
        // The client may have gone while we were reading: do not sleep on it.
        if (input.signal?.aborted) wake();
        else input.signal?.addEventListener("abort", () => wake?.(), { once: true });
      });
      wake = null;
    }
  } finally {
    taskListener.off(`task:${input.taskId}`, onNote);
    taskListener.off("reconnected", onNote);
  }
}
