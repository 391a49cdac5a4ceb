import "server-only";
import { db } from "../../db";
import { env } from "../../env";
import type { TaskState } from "../../generated/prisma/enums";
import { sendEvent } from "../../jobs/send";
import { logger } from "../../logger";
import { followTurn, sendTurn, type PreloadedTurn } from "./agent-turn";
import { requestPush } from "./push-notifications";
import { isPause } from "./record-agent-event";
import { takePause, watchPause } from "./write-task";
import type { TaskView } from "./a2a-task";

/** How often a runner says it is alive, and how long its silence means it died. */
const HEARTBEAT_MS = 5_000;
const STALE_MS = 30_000;
/** How often each process looks for tasks whose runner died. */
const RECOVER_MS = 10_000;
const RECOVER_BATCH = 500;

/** How a turn run here paused: its state (ended, or waiting for input) and, when the write said, the task's view. */
export interface Paused {
  state: TaskState;
  view: TaskView | null;
}

interface Running {
  /** Resolves with how the turn paused, or null if handed off. */
  paused: Promise<Paused | null>;
}

/**
 * Runs a task's first turn in the process that accepted it, instead of
 * starting a durable run for it: no workflow row, no checkpoint per step.
 * What makes this safe is that the task row already is the turn's
 * write-ahead record: it says what was sent (sentTurn), what came back
 * (state, artifacts, events) and whether the money is settled (settledAt,
 * written with the end). So the durable run only has to exist when
 * something goes wrong, and it can start from the row at any point:
 *
 * - the accepting transaction stamps the task with this runner's id;
 * - this process heartbeats its TaskRunner row every 5 s;
 * - every process, every 10 s, hands to the durable engine (task/started,
 *   the same run the engine would have started) each task whose runner has
 *   not heartbeat for 30 s, and, at start, each task left by an earlier
 *   life of its own executor id. The run resumes from the row: it follows
 *   the agent's task when the message was acknowledged, or sends it again
 *   with the same messageId when it was not;
 * - a turn that fails in transport is handed over the same way, so retries
 *   with backoff stay the engine's job.
 *
 * The stamp is cleared when the turn pauses or ends (writeTask) or is
 * handed over.
 */
class TaskRunner {
  readonly id = `${env.JOBS_EXECUTOR_ID}:${crypto.randomUUID()}`;
  private readonly running = new Map<string, Running>();
  private timers: NodeJS.Timeout[] = [];
  private started: Promise<void> | null = null;

  /** Whether startTask should stamp a new task with this runner and call run(). */
  accepts(): boolean {
    return this.started !== null && env.TASK_INLINE_RUNS === "on" && this.running.size < env.TASK_INLINE_MAX;
  }

  get inFlight(): number {
    return this.running.size;
  }

  /**
   * Starts heartbeating and recovery (once per process); call after the job
   * engine started, since recovery hands tasks to it.
   */
  start(): Promise<void> {
    this.started ??= (async () => {
      await this.heartbeat();
      // A failed first recovery is not fatal: the next round (10 s) retries.
      await this.recover({ ownEarlierLives: true }).catch((e: unknown) => this.warn(e, "recovery at start"));
      this.timers = [
        setInterval(() => void this.heartbeat().catch((e: unknown) => this.warn(e, "heartbeat")), HEARTBEAT_MS),
        setInterval(() => void this.recover().catch((e: unknown) => this.warn(e, "recovery")), RECOVER_MS),
      ];
      for (const timer of this.timers) timer.unref();
    })();
    this.started.catch(() => {
      this.started = null;
    });
    return this.started;
  }

  /** Stops taking new turns (for tests and shutdown); turns in flight finish or are recovered. */
  async stop(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
    this.started = null;
    await Promise.allSettled([...this.running.values()].map((r) => r.paused));
  }

  /** Runs the task's first turn in the background; startTask stamped the task with this runner. */
  run(taskId: string, preloaded: PreloadedTurn): void {
    const paused = this.execute(taskId, preloaded);
    this.running.set(taskId, { paused });
    void paused.finally(() => this.running.delete(taskId));
  }

  /** The local turn's pause (null when handed off), or null when this process is not running the task. */
  whenPaused(taskId: string): Promise<Paused | null> | null {
    return this.running.get(taskId)?.paused ?? null;
  }

  private async execute(taskId: string, preloaded: PreloadedTurn): Promise<Paused | null> {
    // The write that pauses the turn notes the task's webhooks (for the push
    // request below) and its view (for a blocking SendMessage waiting on it).
    watchPause(taskId);
    try {
      const sent = await sendTurn({ taskId, turn: 1, preloaded, blocking: true });
      const outcome = isPause(sent.state) ? sent : await followTurn({ taskId });
      if (!isPause(outcome.state)) {
        // Canceled while following, or lost track of the agent: the engine owns what is left.
        await this.handOff([taskId]);
        return null;
      }
      // A note for another state (paused, then moved on) is not this pause's: read the task instead.
      const note = takePause(taskId);
      const paused = note?.state === outcome.state ? note : null;
      void requestPush({ taskId, paused }).catch((e: unknown) => this.warn(e, "push request", taskId));
      return { state: outcome.state, view: paused?.view ?? null };
    } catch (error) {
      this.warn(error, "in-process turn failed; handing it to the durable engine", taskId);
      await this.handOff([taskId]).catch((e: unknown) => this.warn(e, "hand-off", taskId));
      return null;
    } finally {
      takePause(taskId);
    }
  }

  private async heartbeat(): Promise<void> {
    const now = new Date();
    await db.taskRunner.upsert({
      where: { id: this.id },
      create: { id: this.id, heartbeatAt: now },
      update: { heartbeatAt: now },
      select: { id: true },
    });
  }

  /**
   * Hands to the durable engine every task whose runner died. The events go
   * out before the stamps are cleared, so a crash in between only sends
   * them again, which the engine ignores (event id = task id).
   */
  async recover({ ownEarlierLives = false }: { ownEarlierLives?: boolean } = {}): Promise<number> {
    const staleBefore = new Date(Date.now() - STALE_MS);
    const prefix = `${env.JOBS_EXECUTOR_ID.replace(/[\\%_]/g, "\\$&")}:%`;
    const orphans = await db.$queryRaw<{ id: string; runnerId: string }[]>`
      SELECT t.id, t."runnerId" FROM "Task" t
      WHERE t."runnerId" IS NOT NULL AND t."runnerId" <> ${this.id}
        AND (
          NOT EXISTS (SELECT 1 FROM "TaskRunner" r WHERE r.id = t."runnerId" AND r."heartbeatAt" > ${staleBefore})
          OR (${ownEarlierLives} AND t."runnerId" LIKE ${prefix})
        )
      LIMIT ${RECOVER_BATCH}`;
    if (orphans.length === 0) return 0;
    logger.info({ tasks: orphans.length, runner: this.id }, "recovering tasks whose in-process runner stopped");
    await this.handOff(
      orphans.map((o) => o.id),
      [...new Set(orphans.map((o) => o.runnerId))],
    );
    await db.taskRunner.deleteMany({ where: { heartbeatAt: { lt: new Date(Date.now() - 86_400_000) } } });
    return orphans.length;
  }

  private async handOff(taskIds: string[], fromRunners: string[] = [this.id]): Promise<void> {
    await sendEvent(taskIds.map((taskId) => ({ name: "task/started", id: taskId, data: { taskId } })));
    // The runs just sent may already be writing these rows: skip the ones
    // they hold (rows locked in id order, so two hand-offs cannot deadlock).
    // A stamp left behind is cleared by the run's own end, or sent again by
    // the next recovery, which the engine ignores.
    await db.$executeRaw`
      UPDATE "Task" SET "runnerId" = NULL
      WHERE id IN (
        SELECT id FROM "Task"
        WHERE id = ANY(${taskIds}::text[]) AND "runnerId" = ANY(${fromRunners}::text[])
        ORDER BY id FOR UPDATE SKIP LOCKED
      )`;
  }

  private warn(error: unknown, what: string, taskId?: string) {
    logger.warn({ err: error, taskId, runner: this.id }, `task runner: ${what}`);
  }
}

const globalForRunner = globalThis as unknown as { bureauTaskRunner?: TaskRunner };
/** This process's runner (one per process, shared across Next.js module instances). */
export const taskRunner = (globalForRunner.bureauTaskRunner ??= new TaskRunner());
