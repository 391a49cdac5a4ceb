import { ZOrgEventViewSchema, type OrgEventView } from "@/server/schemas/org-events";

/** Events the feed keeps in memory, newest first; older ones drop off. */
export const FEED_CAP = 5_000;

export interface FeedItem extends OrgEventView {
  /** Made up by the ?feedbench=1 load generator, never read from the log. */
  synthetic?: boolean;
}

type Listener = () => void;
type BatchListener = (batch: readonly FeedItem[]) => void;

/**
 * The live feed's buffer. The stream (and the feedbench generator) hand it raw
 * frames at any rate; they are parsed at once but reach React at most once
 * per animation frame, as one new array (newest first, capped), so 1,000
 * events a second cost ~60 renders, not 1,000. Read with useSyncExternalStore.
 */
export class FeedStore {
  private items: readonly FeedItem[] = [];
  private pending: FeedItem[] = [];
  private frame: number | null = null;
  private readonly seen = new Set<string>();
  private readonly listeners = new Set<Listener>();
  private readonly batchListeners = new Set<BatchListener>();
  /** Events accepted since the store was made (the bench compares it with what it sent). */
  accepted = 0;

  constructor(private readonly cap = FEED_CAP) {}

  /** One SSE frame's data (JSON of an OrgEventView); malformed or repeated frames are skipped. */
  ingest(raw: string, synthetic = false): void {
    let parsed;
    try {
      parsed = ZOrgEventViewSchema.safeParse(JSON.parse(raw));
    } catch {
      return;
    }
    if (!parsed.success) return;
    const key = `${synthetic ? "s" : "e"}${parsed.data.id}`;
    // A reconnect resumes after Last-Event-ID, but a backlog replay may overlap what is shown.
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.accepted++;
    this.pending.push(synthetic ? { ...parsed.data, synthetic: true } : parsed.data);
    this.schedule();
  }

  private schedule(): void {
    if (this.frame !== null) return;
    this.frame = requestAnimationFrame(() => this.flush());
  }

  private flush(): void {
    this.frame = null;
    if (!this.pending.length) return;
    const batch = this.pending;
    this.pending = [];
    const keyOf = (item: FeedItem) => `${item.synthetic ? "s" : "e"}${item.id}`;
    const overflow = Math.max(0, batch.length - this.cap);
    for (const dropped of batch.slice(0, overflow)) this.seen.delete(keyOf(dropped));
    const fresh = overflow ? batch.slice(overflow) : [...batch];
    const next = fresh.reverse().concat(this.items.slice(0, this.cap - fresh.length));
    for (const dropped of this.items.slice(this.cap - fresh.length)) {
      this.seen.delete(keyOf(dropped));
    }
    this.items = next;
    this.listeners.forEach((l) => l());
    this.batchListeners.forEach((l) => l(batch));
  }

  getSnapshot = (): readonly FeedItem[] => this.items;

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Called once per flush with the events it added (e.g. to refetch the snapshot, throttled). */
  onBatch(listener: BatchListener): () => void {
    this.batchListeners.add(listener);
    return () => this.batchListeners.delete(listener);
  }

  dispose(): void {
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
    this.listeners.clear();
    this.batchListeners.clear();
  }
}
