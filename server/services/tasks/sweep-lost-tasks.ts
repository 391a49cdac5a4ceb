import "server-only";
import { db } from "../../db";
import { env } from "../../env";
import { sendEvent } from "../../jobs/send";
import { logger } from "../../logger";
import { failTask } from "./fail-task";
import { settleTask } from "./settle-task";

const MINUTE = 60_000;
/** A task/started that was never delivered is re-sent after this long... */
const DISPATCH_GRACE_MS = 2 * MINUTE;
/** ...but not forever: past this the buyer has moved on, so it is failed instead. */
const REDISPATCH_LIMIT_MS = 6 * 60 * MINUTE;
/** Buyers get a week to answer an agent's question before the hold returns. */
const INPUT_WAIT_MS = 7 * 24 * 60 * MINUTE;

/**
 * Finds tasks whose run was lost (engine down at dispatch, process killed
 * past recovery) and settles them, so no hold stays stuck. Durable event ids
 * make re-dispatching a task whose run does exist a no-op.
 */
export async function sweepLostTasks({ now = new Date() }: { now?: Date } = {}) {
  const at = (ms: number) => new Date(now.getTime() - ms);
  const undispatched = await db.task.findMany({
    where: { kind: "AGENT", state: "SUBMITTED", createdAt: { lt: at(DISPATCH_GRACE_MS), gt: at(REDISPATCH_LIMIT_MS) } },
    select: { id: true },
    take: 500,
  });
  let errors = 0;
  // One task that cannot be handled now (engine unreachable, a bad row) must
  // not stop the sweep from recovering the others: it is logged and retried
  // on the next sweep.
  const each = async (taskId: string, action: () => Promise<unknown>) => {
    try {
      await action();
    } catch (error) {
      errors += 1;
      logger.warn({ err: error, taskId }, "lost-task sweep could not handle a task; the next sweep retries");
    }
  };
  for (const t of undispatched)
    await each(t.id, () => sendEvent({ name: "task/started", id: t.id, data: { taskId: t.id } }));

  // A reply or a cancel whose event was lost: the row says what is owed.
  const recent = { updatedAt: { lt: at(DISPATCH_GRACE_MS), gt: at(REDISPATCH_LIMIT_MS) } };
  const unsentTurns = await db.task.findMany({
    where: { kind: "AGENT", state: "WORKING", cancelRequestedAt: null, turn: { gt: 1 }, ...recent },
    select: { id: true, turn: true, sentTurn: true },
    take: 500,
  });
  for (const t of unsentTurns.filter((t) => t.sentTurn < t.turn)) {
    await each(t.id, () =>
      sendEvent({ name: "task/message.sent", id: `${t.id}:${t.turn}`, data: { taskId: t.id, turn: t.turn } }),
    );
  }
  const cancels = await db.task.findMany({
    where: {
      kind: "AGENT",
      state: { in: ["SUBMITTED", "WORKING", "INPUT_REQUIRED"] },
      cancelRequestedAt: { lt: at(DISPATCH_GRACE_MS) },
      ...recent,
    },
    select: { id: true },
    take: 500,
  });
  for (const t of cancels)
    await each(t.id, () => sendEvent({ name: "task/cancel.requested", id: `cancel:${t.id}`, data: { taskId: t.id } }));

  // Overdue by the task timeout plus a margin: its run is gone.
  const stale = await db.task.findMany({
    where: {
      // A manager task has no agent run of its own: its plan's run and children are swept as theirs.
      kind: "AGENT",
      OR: [
        {
          state: { in: ["SUBMITTED", "WORKING"] },
          createdAt: { lt: at(Math.max(env.TASK_TIMEOUT_MS + 15 * MINUTE, REDISPATCH_LIMIT_MS)) },
        },
        { state: "WORKING", updatedAt: { lt: at(env.TASK_TIMEOUT_MS + 15 * MINUTE) } },
        { state: "INPUT_REQUIRED", updatedAt: { lt: at(INPUT_WAIT_MS) } },
      ],
    },
    select: { id: true, state: true },
    take: 500,
  });
  for (const t of stale) {
    await each(t.id, () =>
      failTask({
        taskId: t.id,
        reason: t.state === "INPUT_REQUIRED" ? "No reply within 7 days." : "The run was lost; the hold is released.",
      }),
    );
  }
  // Finished but never settled (crash between the last two steps).
  const unsettled = await db.task.findMany({
    where: {
      state: { in: ["COMPLETED", "FAILED", "CANCELED", "REJECTED"] },
      settledAt: null,
      finishedAt: { lt: at(MINUTE) },
    },
    select: { id: true },
    take: 500,
  });
  for (const t of unsettled) await each(t.id, () => settleTask({ taskId: t.id }));
  return {
    redispatched: undispatched.length + unsentTurns.length + cancels.length,
    failed: stale.length,
    settled: unsettled.length,
    errors,
  };
}
