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

export type ChannelHandler = (payload: string) => void;

const CHANNEL_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * One LISTEN connection per process fans task-event notifications out to
 * every open stream in memory (thousands of streams share it). Streams also
 * re-read on a timer, so a dropped connection delays events, never loses them.
 *
 * Other services subscribe to their own channels on the same connection
 * (`subscribe`). One that must never miss a notification (the API key cache)
 * checks `isListening(channel)` and listens for "disconnected": while the
 * connection is down nothing is delivered, and nothing is replayed after.
 */
class TaskListener extends EventEmitter {
  private client: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly channels = new Map<string, Set<ChannelHandler>>();
  /** Channels LISTENed on the current client. */
  private readonly listening = new Set<string>();
  private closing = false;

  constructor() {
    super();
    this.setMaxListeners(0);
  }

  get connected(): boolean {
    return this.client !== null;
  }

  /** True when notifications on `channel` are being received right now. */
  isListening(channel: string): boolean {
    return this.client !== null && this.listening.has(channel);
  }

  ensure(): Promise<void> {
    if (this.client) return Promise.resolve();
    this.closing = false;
    this.connecting ??= this.connect().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  /**
   * Calls `handler` with the payload of every notification on `channel` (a
   * plain lower-case identifier). LISTENs on the current connection if there
   * is one, and on every reconnection. Returns the unsubscribe function.
   */
  subscribe(channel: string, handler: ChannelHandler): () => void {
    if (!CHANNEL_NAME.test(channel) || channel === TASK_EVENTS_CHANNEL) {
      throw new Error(`Cannot subscribe to channel '${channel}'.`);
    }
    let handlers = this.channels.get(channel);
    if (!handlers) {
      handlers = new Set();
      this.channels.set(channel, handlers);
      if (this.client) void this.listenOn(this.client, channel).catch(() => undefined);
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

  private dispatch(msg: pg.Notification): void {
    if (!msg.payload) return;
    if (msg.channel !== TASK_EVENTS_CHANNEL) {
      for (const handler of this.channels.get(msg.channel) ?? []) {
        try {
          handler(msg.payload);
        } catch (error) {
          logger.error({ err: error, channel: msg.channel }, "notification handler failed");
        }
      }
      return;
    }
    try {
      const note = JSON.parse(msg.payload) as TaskNotification;
      this.emit(`task:${note.taskId}`, note);
      this.emit(`org:${note.orgId}`, note);
    } catch {
      // Not ours: ignore.
    }
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: env.DATABASE_URL });
    client.on("notification", (msg) => this.dispatch(msg));
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

  async close(): Promise<void> {
    const client = this.client;
    this.closing = true;
    this.client = null;
    this.listening.clear();
    if (client) this.emit("disconnected");
    await client?.end();
  }
}

// Named apart from the earlier bureauTaskListener global, which a dev server's hot reload may still hold
// as an instance without channel subscriptions.
const globalForListener = globalThis as unknown as { bureauNotificationListener?: TaskListener };
export const taskListener = (globalForListener.bureauNotificationListener ??= new TaskListener());
