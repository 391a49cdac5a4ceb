import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { setBudget } from "@/server/services/budgets/set-budget";
import { getConsoleSnapshot, hoursInMonth } from "@/server/services/console/get-console-snapshot";
import { captureHold } from "@/server/services/ledger/capture-hold";
import { grantCredits } from "@/server/services/ledger/grant-credits";
import { releaseHold } from "@/server/services/ledger/release-hold";
import { sellerAgent, startHeldTask } from "../../support/billing-fixtures";
import { addMember, callerFor, createUser, ownerWithOrg, unique } from "../../support/factories";

const NOW = new Date("2030-06-20T12:30:20Z");
const at = (iso: string) => new Date(iso);

type Finish = { state: "COMPLETED" | "FAILED" | "REJECTED" | "CANCELED"; at: string; durationMs: number };

/** A task on `agentId`, left in flight or finished at `finish.at` (captured when completed, else released). */
async function task(
  orgId: string,
  agentId: string,
  amount: number,
  finish: Finish | "WORKING" | "INPUT_REQUIRED" | null,
) {
  const taskId = await startHeldTask({ orgId, agentId, amount });
  if (finish === null) return taskId;
  if (typeof finish === "string") {
    await db.task.update({ where: { id: taskId }, data: { state: finish } });
    return taskId;
  }
  if (finish.state === "COMPLETED") await captureHold({ taskId });
  else await releaseHold({ taskId, reason: "failed" });
  await db.task.update({
    where: { id: taskId },
    data: { state: finish.state, finishedAt: at(finish.at), durationMs: finish.durationMs },
  });
  await db.creditHold.update({ where: { taskId }, data: { settledAt: at(finish.at) } });
  return taskId;
}

async function fundedOwner(name: string) {
  const owner = await ownerWithOrg(name);
  await grantCredits({ orgId: owner.org.id, amount: 50_000, key: `test:${unique()}`, reason: "t", actorUserId: null });
  return owner;
}

describe("the console snapshot", () => {
  it("counts in flight by agent, throughput per minute, percentiles and spend per hour from known tasks", async () => {
    const { org, user } = await fundedOwner("Console Co");
    await setBudget({ orgId: org.id, userId: user.id, departmentId: null, monthlyCapCredits: 7_200 });
    const a = await sellerAgent(10);
    const b = await sellerAgent(10);
    await db.agent.update({ where: { id: a.agent.id }, data: { name: "Alpha", health: "HEALTHY", lastLatencyMs: 42 } });
    await db.agent.update({ where: { id: b.agent.id }, data: { name: "Beta", health: "FAILING", healthFailures: 2 } });

    await task(org.id, a.agent.id, 5, null); // SUBMITTED
    await task(org.id, a.agent.id, 5, "WORKING");
    await task(org.id, b.agent.id, 5, "INPUT_REQUIRED");
    // Alpha completed four tasks in the last day: 100, 200, 300, 400 ms.
    await task(org.id, a.agent.id, 10, { state: "COMPLETED", at: "2030-06-20T12:29:10Z", durationMs: 100 });
    await task(org.id, a.agent.id, 20, { state: "COMPLETED", at: "2030-06-20T12:29:50Z", durationMs: 200 });
    await task(org.id, a.agent.id, 30, { state: "COMPLETED", at: "2030-06-20T12:30:05Z", durationMs: 300 });
    await task(org.id, a.agent.id, 40, { state: "COMPLETED", at: "2030-06-20T02:00:00Z", durationMs: 400 });
    await task(org.id, b.agent.id, 10, { state: "FAILED", at: "2030-06-20T12:29:30Z", durationMs: 50 });
    await task(org.id, b.agent.id, 10, { state: "REJECTED", at: "2030-06-20T11:31:00Z", durationMs: 60 });
    await task(org.id, b.agent.id, 10, { state: "CANCELED", at: "2030-06-20T12:00:00Z", durationMs: 70 });
    // Outside both windows: older than a day.
    await task(org.id, b.agent.id, 99, { state: "COMPLETED", at: "2030-06-19T12:00:00Z", durationMs: 9_000 });
    // Another org's tasks never count.
    const other = await fundedOwner("Other Console Co");
    await task(other.org.id, a.agent.id, 77, "WORKING");
    await task(other.org.id, a.agent.id, 77, { state: "COMPLETED", at: "2030-06-20T12:29:20Z", durationMs: 5 });

    const s = await getConsoleSnapshot({ orgId: org.id, now: NOW });

    expect(s.inFlight.total).toBe(3);
    expect(s.inFlight.byAgent.map((l) => [l.agentName, l.submitted, l.working, l.inputRequired, l.total])).toEqual([
      ["Alpha", 1, 1, 0, 2],
      ["Beta", 0, 0, 1, 1],
    ]);

    expect(s.throughput).toHaveLength(60);
    expect(s.throughput[0]!.minute).toBe("2030-06-20T11:31:00Z");
    expect(s.throughput.at(-1)!.minute).toBe("2030-06-20T12:30:00Z");
    const busy = s.throughput.filter((m) => m.finished > 0);
    expect(busy).toEqual([
      { minute: "2030-06-20T11:31:00Z", finished: 1, completed: 0, failed: 1 },
      { minute: "2030-06-20T12:00:00Z", finished: 1, completed: 0, failed: 0 },
      { minute: "2030-06-20T12:29:00Z", finished: 3, completed: 2, failed: 1 },
      { minute: "2030-06-20T12:30:00Z", finished: 1, completed: 1, failed: 0 },
    ]);

    // percentile_cont interpolates: p50 of 100..400 is 250, p95 is 385.
    expect(s.latency.map((l) => [l.agentName, l.finished, l.failed, l.p50Ms, l.p95Ms])).toEqual([
      ["Alpha", 4, 0, 250, 385],
      ["Beta", 3, 2, null, null],
    ]);

    expect(s.spend.perHour).toHaveLength(24);
    expect(s.spend.perHour[0]!.hour).toBe("2030-06-19T13:00:00Z");
    expect(s.spend.perHour.filter((h) => h.credits > 0)).toEqual([
      { hour: "2030-06-20T02:00:00Z", credits: 40 },
      { hour: "2030-06-20T12:00:00Z", credits: 60 },
    ]);
    expect(s.spend.last24hCredits).toBe(100);
    expect(s.spend.capCredits).toBe(7_200);
    expect(hoursInMonth(NOW)).toBe(720);
    expect(s.spend.hourlyPaceCredits).toBe(10);
    // Captured this month (40 + 60 + 99) plus the three holds still in flight (5 each).
    expect(s.spend.monthCommittedCredits).toBe(199 + 15);

    expect(s.agentHealth.map((h) => [h.agentName, h.health, h.consecutiveFailures, h.lastLatencyMs])).toEqual([
      ["Alpha", "HEALTHY", 0, 42],
      ["Beta", "FAILING", 2, null],
    ]);
    expect(s.approvals).toEqual({ available: false });
  });

  it("is readable by a viewer of the org and not found for anyone outside it", async () => {
    const { org } = await fundedOwner("Viewed Co");
    const a = await sellerAgent(10);
    await task(org.id, a.agent.id, 5, "WORKING");
    const viewer = await createUser("Vera Viewer");
    await addMember(org.id, viewer.id, "viewer");
    const snapshot = await (await callerFor(viewer.email)).console.snapshot({ orgId: org.id });
    expect(snapshot.inFlight.total).toBe(1);
    expect(snapshot.spend.capCredits).toBeNull();
    expect(snapshot.spend.hourlyPaceCredits).toBeNull();

    const outsider = await ownerWithOrg("Outsider Co");
    await expect(outsider.caller.console.snapshot({ orgId: org.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("shows every minute and hour at zero for an org with no tasks", async () => {
    const { org, caller } = await ownerWithOrg("Empty Console Co");
    const s = await caller.console.snapshot({ orgId: org.id });
    expect(s.inFlight).toEqual({ total: 0, byAgent: [] });
    expect(s.throughput).toHaveLength(60);
    expect(s.throughput.every((m) => m.finished === 0)).toBe(true);
    expect(s.spend.perHour).toHaveLength(24);
    expect(s.spend.last24hCredits).toBe(0);
    expect(s.latency).toEqual([]);
    expect(s.agentHealth).toEqual([]);
  });
});
