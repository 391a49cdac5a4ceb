import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { FeedStore } from "./feed-store";

// The frame clock is the test's: each frame() runs what requestAnimationFrame queued.
let queued: FrameRequestCallback[] = [];
const frame = () => {
  const run = queued;
  queued = [];
  run.forEach((cb) => cb(performance.now()));
};
beforeEach(() => {
  queued = [];
  vi.stubGlobal("requestAnimationFrame", (cb: FrameRequestCallback) => queued.push(cb));
  vi.stubGlobal("cancelAnimationFrame", () => {
    queued = [];
  });
});
afterEach(() => vi.unstubAllGlobals());

const event = (id: number, type = "task.created") =>
  JSON.stringify({
    id: String(id),
    type,
    subject: { type: "task", id: `t${id}` },
    actor: { kind: "system", id: null },
    data: {},
    createdAt: "2026-12-01T10:00:00.000Z",
  });

describe("the console's feed buffer", () => {
  it("shows a burst of events in one render at the next frame, newest first", () => {
    const store = new FeedStore();
    const renders = vi.fn();
    store.subscribe(renders);
    for (let i = 1; i <= 1_000; i++) store.ingest(event(i));
    expect(store.getSnapshot()).toHaveLength(0);
    frame();
    expect(renders).toHaveBeenCalledTimes(1);
    expect(store.getSnapshot()).toHaveLength(1_000);
    expect(store.getSnapshot()[0]!.id).toBe("1000");
    expect(store.getSnapshot().at(-1)!.id).toBe("1");
    frame();
    expect(renders).toHaveBeenCalledTimes(1);
  });

  it("keeps only the newest `cap` events, across flushes and within one", () => {
    const store = new FeedStore(5);
    for (let i = 1; i <= 3; i++) store.ingest(event(i));
    frame();
    for (let i = 4; i <= 6; i++) store.ingest(event(i));
    frame();
    expect(store.getSnapshot().map((e) => e.id)).toEqual(["6", "5", "4", "3", "2"]);
    for (let i = 7; i <= 20; i++) store.ingest(event(i));
    frame();
    expect(store.getSnapshot().map((e) => e.id)).toEqual(["20", "19", "18", "17", "16"]);
    // A dropped event may come back (a later backlog replay) and is shown again.
    store.ingest(event(2));
    frame();
    expect(store.getSnapshot()[0]!.id).toBe("2");
  });

  it("skips repeated and malformed frames, and tells batch listeners what arrived", () => {
    const store = new FeedStore();
    const batches: string[][] = [];
    store.onBatch((batch) => batches.push(batch.map((e) => e.id)));
    store.ingest(event(1));
    store.ingest(event(1));
    store.ingest("{not json");
    store.ingest(JSON.stringify({ id: "2", type: "no.such_type" }));
    store.ingest(event(1), true); // synthetic ids live apart from the log's
    frame();
    expect(batches).toEqual([["1", "1"]]);
    expect(store.getSnapshot().map((e) => [e.id, e.synthetic ?? false])).toEqual([
      ["1", true],
      ["1", false],
    ]);
    expect(store.accepted).toBe(2);
  });
});
