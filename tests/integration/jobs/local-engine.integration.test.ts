import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { startJobEngine, stopJobEngine } from "@/server/jobs/engine";
import { sendEvent } from "@/server/jobs/send";
import { defineFunction, NonRetriableError, type DurableFunction } from "@/server/jobs/types";

// Test functions ride on real events (task/* names are the catalogue's); each
// test uses its own task id so runs never collide.
const calls = new Map<string, string[]>();
const note = (key: string, what: string) => calls.set(key, [...(calls.get(key) ?? []), what]);
const finished = new Map<string, (value: unknown) => void>();
const waitFor = (key: string) => new Promise((resolve) => finished.set(key, resolve));
const done = (key: string, value: unknown) => finished.get(key)?.(value);

const retrying = defineFunction<{ taskId: string }>(
  { id: "test-retrying", trigger: { event: "task/started" }, retries: 2 },
  async ({ event, step }) => {
    const id = event.data.taskId;
    if (!id.startsWith("retry-") && !id.startsWith("fatal-") && !id.startsWith("wait-")) return null;
    if (id.startsWith("wait-")) {
      const reply = await step.waitForEvent<{ taskId: string; turn: number }>("reply", {
        event: "task/message.sent",
        match: "taskId",
        timeoutMs: id.endsWith("timeout") ? 1_000 : 20_000,
      });
      done(id, reply?.data.turn ?? null);
      return null;
    }
    const value = await step.run("flaky", async () => {
      note(id, "flaky");
      if (id.startsWith("fatal-")) throw new NonRetriableError("bad input");
      if ((calls.get(id)?.length ?? 0) < 3) throw new Error("transient");
      return { ok: true, at: new Date("2026-01-01T00:00:00Z") };
    });
    await step.run("after", async () => note(id, "after"));
    await step.sleep("nap", 30);
    done(id, value);
    return value;
  },
  async ({ event, error }) => {
    note(event.data.taskId, `onFailure:${error.message}`);
    done(event.data.taskId, "failed");
  },
);

const cancellable = defineFunction<{ taskId: string }>(
  {
    id: "test-cancellable",
    trigger: { event: "task/started" },
    cancelOn: [{ event: "task/cancel.requested", match: "taskId" }],
  },
  async ({ event, step }) => {
    const id = event.data.taskId;
    if (!id.startsWith("cancel-")) return null;
    await step.run("begin", async () => note(id, "begin"));
    await step.sleep("long", 5_000);
    await step.run("end", async () => note(id, "end"));
    return null;
  },
);

beforeAll(async () => {
  await startJobEngine([retrying, cancellable] as DurableFunction<never>[]);
}, 60_000);
afterAll(async () => {
  await stopJobEngine();
});

describe("local durable engine (DBOS)", () => {
  it("retries a failing step with backoff, checkpoints JSON results, sleeps, then continues", async () => {
    const id = `retry-${crypto.randomUUID()}`;
    const result = waitFor(id);
    await sendEvent({ name: "task/started", id, data: { taskId: id } });
    expect(await result).toEqual({ ok: true, at: "2026-01-01T00:00:00.000Z" });
    expect(calls.get(id)).toEqual(["flaky", "flaky", "flaky", "after"]);
  });

  it("fails at once on NonRetriableError and runs onFailure", async () => {
    const id = `fatal-${crypto.randomUUID()}`;
    const result = waitFor(id);
    await sendEvent({ name: "task/started", id, data: { taskId: id } });
    expect(await result).toBe("failed");
    expect(calls.get(id)).toEqual(["flaky", "onFailure:bad input"]);
  });

  it("starts a function once per event id, however often it is sent", async () => {
    const id = `retry-${crypto.randomUUID()}`;
    const result = waitFor(id);
    await Promise.all(Array.from({ length: 5 }, () => sendEvent({ name: "task/started", id, data: { taskId: id } })));
    await result;
    await new Promise((r) => setTimeout(r, 300));
    expect(calls.get(id)?.filter((c) => c === "after")).toHaveLength(1);
  });

  it("delivers a matching event to step.waitForEvent", async () => {
    const id = `wait-${crypto.randomUUID()}`;
    const result = waitFor(id);
    await sendEvent({ name: "task/started", id, data: { taskId: id } });
    // Wait until the run is parked on its waiter, then answer it (and a decoy).
    await expect.poll(() => db.jobEventWaiter.count({ where: { matchValue: id } }), { timeout: 10_000 }).toBe(1);
    await sendEvent({ name: "task/message.sent", data: { taskId: "someone-else", turn: 9 } });
    await sendEvent({ name: "task/message.sent", data: { taskId: id, turn: 2 } });
    expect(await result).toBe(2);
    expect(await db.jobEventWaiter.count({ where: { matchValue: id } })).toBe(0);
  });

  it("returns null from waitForEvent after the timeout", async () => {
    const id = `wait-${crypto.randomUUID()}-timeout`;
    const result = waitFor(id);
    await sendEvent({ name: "task/started", id, data: { taskId: id } });
    expect(await result).toBeNull();
  });

  it("cancels a run when its cancelOn event arrives", async () => {
    const id = `cancel-${crypto.randomUUID()}`;
    await sendEvent({ name: "task/started", id, data: { taskId: id } });
    await expect.poll(() => calls.get(id), { timeout: 10_000 }).toEqual(["begin"]);
    await sendEvent({ name: "task/cancel.requested", data: { taskId: id } });
    await new Promise((r) => setTimeout(r, 5_500));
    expect(calls.get(id)).toEqual(["begin"]);
  }, 20_000);

  it("refuses an unknown event or malformed data at the sender", async () => {
    await expect(sendEvent({ name: "task/exploded", data: {} })).rejects.toThrow(/Unknown event/);
    await expect(sendEvent({ name: "task/started", data: { taskId: 42 } })).rejects.toThrow();
  });
});
