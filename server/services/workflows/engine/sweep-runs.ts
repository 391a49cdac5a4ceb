import "server-only";
import { db } from "../../../db";
import { sendEvent } from "../../../jobs/send";
import { runStartedEvent } from "../run-events";

/** Older than this, a PENDING run's start event was lost (a start takes milliseconds). */
const LOST_START_MS = 2 * 60_000;
/**
 * Newer than this: the durable event id still deduplicates a re-sent start
 * (Inngest remembers ids for 24 h), so a re-send can never begin a second
 * execution of a run that did start. Older lost starts need a person.
 */
const RESTART_WINDOW_MS = 6 * 3_600_000;
/** A waiting step whose awaited thing changed this long ago missed its wake. */
const LOST_WAKE_MS = 60_000;

/**
 * The workflow engine's sweep, for events lost between a commit and its
 * send (a crash in between, an engine briefly away):
 * - a run still PENDING gets its `workflow/run.started` again, with the same
 *   id, so it starts once;
 * - a run waiting on an approval that was decided (or passed its deadline)
 *   or on a child run that ended, when the waiting step has not moved for a
 *   minute, gets a `workflow/run.wake`. A spare wake only makes the run look
 *   at its rows once more.
 */
export async function sweepWorkflowRuns(now = new Date()): Promise<{ restarted: number; woken: number }> {
  const lost = await db.workflowRun.findMany({
    where: {
      state: "PENDING",
      createdAt: { lt: new Date(now.getTime() - LOST_START_MS), gt: new Date(now.getTime() - RESTART_WINDOW_MS) },
    },
    select: { id: true, generation: true },
    take: 200,
  });
  for (const run of lost) await sendEvent(runStartedEvent(run));

  const stale = new Date(now.getTime() - LOST_WAKE_MS);
  const waiting = await db.$queryRaw<{ runId: string }[]>`
    SELECT DISTINCT s."runId"
    FROM "WorkflowStepRun" s
    JOIN "WorkflowRun" r ON r.id = s."runId" AND r.state IN ('RUNNING', 'WAITING')
    LEFT JOIN "Approval" a ON a."stepRunId" = s.id
    LEFT JOIN "WorkflowRun" c ON c.id = s.data->>'childRunId'
    WHERE s.state = 'WAITING' AND s."updatedAt" < ${stale}
      AND ((a.id IS NOT NULL AND (a.state <> 'PENDING' OR a."deadlineAt" <= ${now}))
        OR c.state IN ('SUCCEEDED', 'FAILED', 'CANCELED'))
    LIMIT 200`;
  if (waiting.length) {
    await sendEvent(
      waiting.map(({ runId }) => ({
        name: "workflow/run.wake",
        id: `workflow-run-wake:${runId}:sweep:${now.getTime()}`,
        data: { runId, reason: "sweep" as const },
      })),
    );
  }
  return { restarted: lost.length, woken: waiting.length };
}
