import type { OrgEventType, OrgEventView } from "@/server/schemas/org-events";
import type { FeedStore } from "./feed-store";

export interface FeedBenchResult {
  eventsPerSecond: number;
  durationMs: number;
  eventsSent: number;
  eventsAccepted: number;
  frames: number;
  p50FrameMs: number;
  p95FrameMs: number;
  maxFrameMs: number;
  userAgent: string;
}

const TYPES: OrgEventType[] = [
  "task.created",
  "credits.held",
  "task.state_changed",
  "credits.captured",
  "task.settled",
];

function syntheticEvent(n: number): string {
  const type = TYPES[n % TYPES.length]!;
  const data: Record<OrgEventType, unknown> = {
    "task.created": { agentId: "bench-agent", source: "UI", priceCredits: 10, parentTaskId: null },
    "credits.held": { holdId: `bench-hold-${n}`, amount: 10 },
    "task.state_changed": { from: "SUBMITTED", to: "WORKING", message: null },
    "credits.captured": { holdId: `bench-hold-${n}`, amount: 10, sellerAmount: 8, feeAmount: 2 },
    "task.settled": { state: "COMPLETED", outcome: "captured", chargedCredits: 10 },
  } as Record<OrgEventType, unknown>;
  const event: OrgEventView = {
    id: `bench-${n}`,
    type,
    subject: { type: "task", id: `bench-task-${Math.floor(n / TYPES.length)}` },
    actor: { kind: "system", id: "feedbench" },
    data: data[type],
    createdAt: new Date().toISOString(),
  };
  return JSON.stringify(event);
}

const percentile = (sorted: number[], p: number) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)]! : 0;

/**
 * The ?feedbench=1 load: `rate` synthetic events a second for `durationMs`,
 * as JSON strings into the store's ingest (the same path the SSE frames
 * take), while a requestAnimationFrame loop records every frame's interval.
 * Measures; asserts nothing.
 */
export function runFeedBench(store: FeedStore, { rate = 1_000, durationMs = 3_000 } = {}): Promise<FeedBenchResult> {
  return new Promise((resolve) => {
    const frames: number[] = [];
    const acceptedBefore = store.accepted;
    const started = performance.now();
    let sent = 0;
    let last = started;
    const tick = () => {
      const due = Math.min(rate * ((performance.now() - started) / 1000), (rate * durationMs) / 1000);
      while (sent < due) store.ingest(syntheticEvent(sent++), true);
    };
    const generator = setInterval(tick, 4);
    const onFrame = (now: number) => {
      frames.push(now - last);
      last = now;
      if (now - started < durationMs) {
        requestAnimationFrame(onFrame);
        return;
      }
      clearInterval(generator);
      tick();
      const sorted = frames.slice(1).sort((a, b) => a - b);
      const round = (v: number) => Math.round(v * 10) / 10;
      resolve({
        eventsPerSecond: rate,
        durationMs,
        eventsSent: sent,
        eventsAccepted: store.accepted - acceptedBefore,
        frames: sorted.length,
        p50FrameMs: round(percentile(sorted, 0.5)),
        p95FrameMs: round(percentile(sorted, 0.95)),
        maxFrameMs: round(sorted.at(-1) ?? 0),
        userAgent: navigator.userAgent,
      });
    };
    requestAnimationFrame((now) => {
      last = now;
      requestAnimationFrame(onFrame);
    });
  });
}
