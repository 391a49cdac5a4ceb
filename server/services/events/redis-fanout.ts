import "server-only";
import { logger } from "../../logger";
import { redisCommands, redisNamespace, redisSubscriber, type RedisSubscriber } from "../../redis";

/**
 * The Redis side of the notification listener (task-listener.ts), used when
 * REDIS_URL is set: the same channels as Postgres LISTEN/NOTIFY, as Redis
 * pub/sub channels under the app's namespace. The task-event channel carries
 * what pg_notify carries (JSON { orgId, taskId, id }); another channel's
 * payload is its own (the API key cache's is a key id).
 */

/** The Redis channel of task-event notifications (named like the Postgres one, but not shared with it). */
export const REDIS_TASK_EVENTS_CHANNEL = "bureau_task_events";

export const redisChannel = (channel: string) => `${redisNamespace()}${channel}`;

export interface RedisFanoutEvents {
  /** A message on one of the channels. */
  message(channel: string, payload: string): void;
  /** The subscription is live again after a drop (or for the first time): whatever was sent meanwhile is lost. */
  up(): void;
  /** The connection dropped: nothing is received until `up`. */
  down(): void;
}

/**
 * Subscribes the shared subscriber connection to channels and reports when
 * it is live. A channel counts as listened to once Redis acknowledged its
 * SUBSCRIBE on the current connection; node-redis subscribes again to every
 * channel before it reports a reconnection ready, so all of them count again
 * from that moment.
 */
export class RedisFanout {
  private client: RedisSubscriber | null = null;
  /** Channels Redis acknowledged at least once (resubscribed on every reconnection). */
  private readonly acknowledged = new Set<string>();
  /** Channels live on the current connection. */
  private readonly live = new Set<string>();
  private readonly requested = new Set<string>();
  private readonly waiters = new Map<string, { promise: Promise<void>; resolve: () => void }>();
  private up = false;
  /** The current connection's first attempt ended (ready or error). */
  private settled = false;
  /** Settles on the current connection's first error. */
  private firstError: Promise<void> = Promise.resolve();

  constructor(private readonly events: RedisFanoutEvents) {}

  isListening(channel: string): boolean {
    return this.up && this.client?.isReady === true && this.live.has(channel);
  }

  /**
   * Starts the connection (once) and subscribes to `channel`. Resolves when
   * the subscription is live, or after `waitMs` if Redis does not answer by
   * then, or at once if the connection is down after having been tried: the
   * subscription keeps trying in the background.
   */
  async listen(channel: string, waitMs = 1_000): Promise<void> {
    const client = this.start();
    if (this.isListening(channel)) return;
    this.subscribe(client, channel);
    // Only the first connection is waited for: during an outage a caller must not pay a second each time.
    if (this.settled && !this.up) return;
    await Promise.race([
      this.whenLive(channel),
      this.firstError,
      new Promise((resolve) => setTimeout(resolve, waitMs).unref()),
    ]);
  }

  /** One shared promise per channel, settled when it goes live (markLive). */
  private whenLive(channel: string): Promise<void> {
    let waiter = this.waiters.get(channel);
    if (!waiter) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      waiter = { promise, resolve };
      this.waiters.set(channel, waiter);
    }
    return waiter.promise;
  }

  private markLive(channel: string): void {
    this.live.add(channel);
    this.waiters.get(channel)?.resolve();
    this.waiters.delete(channel);
  }

  private start(): RedisSubscriber {
    if (this.client?.isOpen) return this.client;
    // First use, or the connection was closed (closeRedis): start over on a new one.
    this.forget();
    const client = redisSubscriber();
    if (!client) throw new Error("REDIS_URL is not set");
    this.client = client;
    this.firstError = new Promise((resolve) => client.once("error", () => resolve()));
    const drop = () => {
      if (this.client !== client || !this.up) return;
      this.up = false;
      this.live.clear();
      this.events.down();
    };
    // An error that left the socket up (a failed command) is not a drop: a drop always clears isReady.
    client.on("error", () => {
      if (this.client === client) this.settled = true;
      if (!client.isReady) drop();
    });
    client.on("reconnecting", drop).on("end", drop);
    client.on("ready", () => {
      if (this.client !== client || this.up) return;
      this.settled = true;
      this.up = true;
      for (const channel of this.acknowledged) this.markLive(channel);
      this.events.up();
    });
    this.up = client.isReady; // a client already connected by an earlier user
    this.settled = this.up;
    return client;
  }

  /** Subscribes once per connection; retried until Redis acknowledges it. */
  private subscribe(client: RedisSubscriber, channel: string): void {
    if (this.requested.has(channel)) return;
    this.requested.add(channel);
    const attempt = async (): Promise<void> => {
      try {
        await client.subscribe(redisChannel(channel), (payload) => this.events.message(channel, payload));
        this.acknowledged.add(channel);
        if (this.client === client && this.up && client.isReady) this.markLive(channel);
      } catch (error) {
        // The connection dropped before Redis answered: try again once it is back.
        logger.debug({ err: error, channel }, "redis subscribe failed; retrying");
        await new Promise((resolve) => setTimeout(resolve, 500).unref());
        if (this.client === client && !this.acknowledged.has(channel)) return attempt();
      }
    };
    void attempt();
  }

  /** Forgets the connection and every subscription (no `down` report); returns whether it was live. */
  forget(): boolean {
    const wasUp = this.up;
    this.client = null;
    this.up = false;
    this.settled = false;
    this.live.clear();
    this.acknowledged.clear();
    this.requested.clear();
    return wasUp;
  }
}

const WARN_EVERY_MS = 30_000;
let lastWarned = 0;
let failedSinceWarning = 0;

/**
 * Publishes `payloads` on `channel`. Resolves true when Redis accepted every
 * one, false when it is unreachable (logged, throttled). Never rejects.
 */
export async function publishOnRedis(channel: string, payloads: readonly string[]): Promise<boolean> {
  if (payloads.length === 0) return true;
  const client = await redisCommands();
  try {
    if (!client) throw new Error("not connected");
    // Issued in the same tick, node-redis writes them as one pipeline.
    await Promise.all(payloads.map((payload) => client.publish(redisChannel(channel), payload)));
    return true;
  } catch (error) {
    failedSinceWarning += payloads.length;
    const now = Date.now();
    if (now - lastWarned >= WARN_EVERY_MS) {
      logger.warn({ err: error, channel, failed: failedSinceWarning }, "redis publish failed; listeners re-read later");
      lastWarned = now;
      failedSinceWarning = 0;
    }
    return false;
  }
}
