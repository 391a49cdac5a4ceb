import { db } from "../../db";
import { isTerminal } from "../../a2a/bureau-format";
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
  const onNote = () => wake?.();
  await taskListener.ensure();
  taskListener.on(`task:${input.taskId}`, onNote);
  taskListener.on("reconnected", onNote);
  try {
    while (!input.signal?.aborted) {
      // Read the state before the events: an event written after this read
      // is caught by the next loop, so nothing between the two is lost.
      const task = await db.task.findFirst({ where: { id: input.taskId, orgId: input.orgId }, select: { state: true } });
      if (!task) return;
      const events = await db.taskEvent.findMany({
        where: { taskId: input.taskId, id: { gt: after } },
        orderBy: { id: "asc" },
        take: 500,
        select: { id: true, taskId: true, kind: true, data: true, createdAt: true },
      });
      for (const event of events) {
        after = event.id;
        yield event;
      }
      if (events.length === 500) continue;
      const paused = isTerminal(task.state) || (input.stopAtInputRequired !== false && task.state === "INPUT_REQUIRED");
      if (paused) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, RECHECK_MS * (0.5 + Math.random()));
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
        input.signal?.addEventListener("abort", () => wake?.(), { once: true });
      });
      wake = null;
    }
  } finally {
    taskListener.off(`task:${input.taskId}`, onNote);
    taskListener.off("reconnected", onNote);
  }
}
