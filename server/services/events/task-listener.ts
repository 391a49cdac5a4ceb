import "server-only";
import { EventEmitter } from "node:events";
import pg from "pg";
import { env } from "../../env";
import { logger } from "../../logger";
import { redisConfigured } from "../../redis";
import { TASK_EVENTS_CHANNEL } from "../tasks/task-events";
import { RedisFanout, REDIS_TASK_EVENTS_CHANNEL } from "./redis-fanout";
import type { TaskNotification } from "./task-fanout";

export type { TaskNotification } from "./task-fanout";
export type ChannelHandler = (payload: string) => void;

const CHANNEL_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * One notification connection per process fans task-event notifications out
 * to every open stream in memory (thousands of streams share it), as
 * `task:<id>` and `org:<id>` events. Streams also re-read on a timer, so a
 * dropped connection delays events, never loses them.
 *
 * The connection is Redis pub/sub where REDIS_URL is set (redis-fanout.ts;
 * writers publish after commit through task-fanout.ts), so it works behind a
 * transaction pooler and across any number of app nodes. Otherwise it is a
 * Postgres LISTEN on DATABASE_DIRECT_URL, else DATABASE_URL: it needs a
 * session (a direct connection or Supavisor's session port 5432), since a
 * transaction pooler (port 6543) accepts LISTEN and then delivers nothing.
 *
 * Other services subscribe to their own channels on the same connection
 * (`subscribe`). One that must never miss a notification (the API key cache)
 * checks `isListening(channel)` and listens for "disconnected": while the
 * connection is down nothing is delivered, and nothing is replayed after.
 * "reconnected" follows every (re)connection: whatever was sent meanwhile is
 * lost, so streams re-read.
 */
class TaskListener extends EventEmitter {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly channels = new Map<string, Set<ChannelHandler>>();
  /** Channels LISTENed on the current client. */
  private readonly listening = new Set<string>();
  private closing = false;
  /** Set when REDIS_URL is: then Postgres is never LISTENed on. */
  private readonly redis: RedisFanout | null;

  constructor() {
    super();
    this.setMaxListeners(0);
    this.redis = redisConfigured()
      ? new RedisFanout({
          message: (channel, payload) => this.dispatch(channel, payload),
          up: () => this.emit("reconnected"),
          down: () => {
            logger.warn("notification listener (Redis) connection lost; reconnecting");
            this.emit("disconnected");
          },
        })
      : null;
  }

  /** Which transport carries notifications in this process. */
  get transport(): "redis" | "postgres" {
    return this.redis ? "redis" : "postgres";
  }

  get connected(): boolean {
    return this.redis ? this.redis.isListening(REDIS_TASK_EVENTS_CHANNEL) : this.client !== null;
  }

  /** True when notifications on `channel` are being received right now. */
  isListening(channel: string): boolean {
    if (this.redis) return this.redis.isListening(channel);
    return this.client !== null && this.listening.has(channel);
  }

  /**
   * Connects if not connected. On Redis it resolves once the task channel is
   * live or after a second without Redis (streams then wait for
   * "reconnected" or their re-read timer); on Postgres it rejects when the
   * connection fails.
   */
  async ensure(): Promise<void> {
    if (this.redis) {
      this.closing = false;
      await this.redis.listen(REDIS_TASK_EVENTS_CHANNEL);
      for (const channel of this.channels.keys()) void this.redis.listen(channel, 0);
      return;
    }
    if (this.client) return;
    this.closing = false;
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  /**
   * Calls `handler` with the payload of every notification on `channel` (a
   * plain lower-case identifier). Listens on the current connection if there
   * is one, and on every reconnection. Returns the unsubscribe function.
   */
  subscribe(channel: string, handler: ChannelHandler): () => void {
    if (!CHANNEL_NAME.test(channel) || channel === TASK_EVENTS_CHANNEL || channel === REDIS_TASK_EVENTS_CHANNEL) {
      throw new Error(`Cannot subscribe to channel '${channel}'.`);
    }
    let handlers = this.channels.get(channel);
    if (!handlers) {
      handlers = new Set();
      this.channels.set(channel, handlers);
      if (this.redis) void this.redis.listen(channel, 0);
      else if (this.client) void this.listenOn(this.client, channel).catch(() => undefined);
    }
    handlers.add(handler);
    return () => {
      handlers.delete(handler);
    };
  }

  private async listenOn(client: pg.Client, channel: string): Promise<void> {
    await client.query(`LISTEN ${channel}`);
    if (this.client === client) this.listening.add(channel);
  }

  private dispatch(channel: string, payload: string | undefined): void {
    if (!payload) return;
    const taskChannel = this.redis ? REDIS_TASK_EVENTS_CHANNEL : TASK_EVENTS_CHANNEL;
    if (channel !== taskChannel) {
      for (const handler of this.channels.get(channel) ?? []) {
        try {
          handler(payload);
        } catch (error) {
          logger.error({ err: error, channel }, "notification handler failed");
        }
      }
      return;
    }
    const note = parseNotification(payload);
    if (!note) return; // not ours
    this.emit(`task:${note.taskId}`, note);
    this.emit(`org:${note.orgId}`, note);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: env.DATABASE_DIRECT_URL ?? env.DATABASE_URL });
    client.on("notification", (msg) => this.dispatch(msg.channel, msg.payload));
    const lost = (error?: Error) => {
      if (this.client !== client) return; // not yet live, or already replaced or closed
      logger.warn({ err: error }, "notification listener connection lost; reconnecting");
      this.client = null;
      this.listening.clear();
      client.end().catch(() => undefined);
      this.emit("disconnected");
      this.scheduleReconnect();
    };
    client.on("error", lost);
    client.on("end", () => lost());
    try {
      await client.connect();
      await client.query(`LISTEN ${TASK_EVENTS_CHANNEL}`);
      const channels = [...this.channels.keys()];
      for (const channel of channels) await client.query(`LISTEN ${channel}`);
      if (this.closing) throw new Error("listener closed while connecting");
      this.client = client;
      for (const channel of channels) this.listening.add(channel);
    } catch (error) {
      client.end().catch(() => undefined);
      throw error;
    }
    // Channels subscribed while we were connecting.
    for (const channel of this.channels.keys()) {
      if (!this.listening.has(channel)) await this.listenOn(client, channel).catch(() => undefined);
    }
    // Anything written while we were not listening is re-read by every stream.
    this.emit("reconnected");
  }

  private scheduleReconnect(): void {
    setTimeout(() => {
      if (this.closing) return;
      this.ensure().catch(() => this.scheduleReconnect());
    }, 1_000).unref();
  }

  /** Stops listening (tests, shutdown). On Redis the shared connection itself is closed by closeRedis. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.redis) {
      if (this.redis.forget()) this.emit("disconnected");
      return;
    }
    const client = this.client;
    this.client = null;
    this.listening.clear();
    if (client) this.emit("disconnected");
    await client?.end();
  }
}

function parseNotification(payload: string): TaskNotification | null {
  try {
    const value = JSON.parse(payload) as Partial<Record<keyof TaskNotification, unknown>> | null;
    if (typeof value?.orgId !== "string" || typeof value.taskId !== "string" || typeof value.id !== "string") {
      return null;
    }
    return { orgId: value.orgId, taskId: value.taskId, id: value.id };
  } catch {
    return null;
  }
}

// Named apart from the earlier bureauTaskListener global, which a dev server's hot reload may still hold
// as an instance without channel subscriptions.
const globalForListener = globalThis as unknown as { bureauNotificationListener?: TaskListener };
export const taskListener = (globalForListener.bureauNotificationListener ??= new TaskListener());
