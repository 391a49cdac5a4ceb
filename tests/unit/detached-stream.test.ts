import { describe, expect, it } from "vitest";
import { detachedStream } from "@/server/demo-agents/detached-stream";

/** A source that records how far it was read, yielding on a timer like an agent's event queue. */
function source(count: number, fail = false) {
  const read: number[] = [];
  async function* gen() {
    for (let i = 0; i < count; i++) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      read.push(i);
      yield i;
    }
    if (fail) throw new Error("agent broke");
  }
  return { read, gen: gen() };
}

describe("a demo agent's stream when the caller hangs up", () => {
  it("hands every item to a consumer that stays", async () => {
    const { gen } = source(5);
    const seen: number[] = [];
    for await (const item of detachedStream(gen)) seen.push(item);
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });

  it("keeps reading the source after the consumer stops, so the agent's task store stays current", async () => {
    const { gen, read } = source(20);
    const seen: number[] = [];
    for await (const item of detachedStream(gen)) {
      seen.push(item);
      if (item === 2) break;
    }
    expect(seen).toEqual([0, 1, 2]);
    await expect.poll(() => read.length).toBe(20);
  });

  it("passes a failure on after the items before it", async () => {
    const { gen } = source(2, true);
    const seen: number[] = [];
    await expect(
      (async () => {
        for await (const item of detachedStream(gen)) seen.push(item);
      })(),
    ).rejects.toThrow("agent broke");
    expect(seen).toEqual([0, 1]);
  });
});
