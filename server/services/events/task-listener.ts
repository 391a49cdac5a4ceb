import "server-only";
import { EventEmitter } from "node:events";
import pg from "pg";
import { env } from "../../env";
import { logger } from "../../logger";
import { TASK_EVENTS_CHANNEL } from "../tasks/task-events";

export interface TaskNotification {
  orgId: string;
  taskId: string;
  id: string;
}

/**
 * One LISTEN connection per process fans task-event notifications out to
 * every open stream in memory (thousands of streams share it). Streams also
 * re-read on a timer, so a dropped connection delays events, never loses them.
 */
class TaskListener extends EventEmitter {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;

  constructor() {
    super();
    this.setMaxListeners(0);
  }

  ensure(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    client.on("notification", (msg) => {
      if (!msg.payload) return;
      try {
        const note = JSON.parse(msg.payload) as TaskNotification;
        this.emit(`task:${note.taskId}`, note);
        this.emit(`org:${note.orgId}`, note);
      } catch {
        // Not ours: ignore.
      }
    });
    client.on("error", (error) => {
      logger.warn({ err: error }, "task listener connection lost; reconnecting");
      this.client = null;
      client.end().catch(() => undefined);
      setTimeout(() => void this.ensure().catch(() => undefined), 1_000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${TASK_EVENTS_CHANNEL}`);
    this.client = client;
    // Anything written while we were not listening is re-read by every stream.
    this.emit("reconnected");
  }

  async close(): Promise<void> {
    const client = this.client;
    this.client = null;
    await client?.end();
  }
}

const globalForListener = globalThis as unknown as { bureauTaskListener?: TaskListener };
export const taskListener = (globalForListener.bureauTaskListener ??= new TaskListener());
