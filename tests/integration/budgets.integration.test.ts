import { describe, expect, it, vi } from "vitest";
import type { JobEvent } from "@/server/jobs/types";
import { db } from "@/server/db";
import type { BudgetCrossing } from "@/server/services/budgets/enforce-budgets";
import { sendBudgetAlerts } from "@/server/services/budgets/send-budget-alerts";
import { setBudget } from "@/server/services/budgets/set-budget";
import { placeHold } from "@/server/services/ledger/place-hold";
import { startTask } from "@/server/services/tasks/start-task";
import { captureHold } from "@/server/services/ledger/capture-hold";
import { BudgetExceededError } from "@/server/services/ledger/errors";
import { releaseHold } from "@/server/services/ledger/release-hold";
import { addMember, callerFor, createUser, ownerWithOrg } from "../support/factories";
import { fundedOrg, sellerAgent, startHeldTask } from "../support/billing-fixtures";

const sent = vi.hoisted(() => [] as JobEvent[]);
/** For each budget alert sent: could another connection see the hold's claim at that moment (committed)? */
const claimVisibleAtSend = vi.hoisted(() => new Map<string, boolean>());
vi.mock("@/server/jobs/send", () => ({
  sendEvent: async (events: JobEvent | JobEvent[]) => {
    for (const event of Array.isArray(events) ? events : [events]) {
      sent.push(event);
      if (event.name !== "budget/threshold.crossed") continue;
      const { db: outside } = await import("@/server/db");
      const { budgetId } = event.data as { budgetId: string };
      const budget = await outside.budget.findUnique({ where: { id: budgetId }, select: { alertedAt: true } });
      claimVisibleAtSend.set(event.id!, budget?.alertedAt != null);
    }
  },
}));

const alertsFor = (orgId: string) =>
  sent.filter((e) => e.name === "budget/threshold.crossed" && (e.data as { orgId: string }).orgId === orgId);

describe("monthly budgets", () => {
  it("refuses a task that would pass the org's cap, counting holds and this month's captures", async () => {
    const { agent } = await sellerAgent();
    const { org, owner } = await fundedOrg(10_000);
    await setBudget({ orgId: org.id, userId: owner.id, departmentId: null, monthlyCapCredits: 1_000 });

    const captured = await startHeldTask({ orgId: org.id, agentId: agent.id, amount: 400 });
    await captureHold({ taskId: captured });
    const released = await startHeldTask({ orgId: org.id, agentId: agent.id, amount: 300 });
    await releaseHold({ taskId: released, reason: "failed" });
    await startHeldTask({ orgId: org.id, agentId: agent.id, amount: 500 });

    // 400 captured + 500 held = 900 of 1,000; the released 300 no longer counts.
    const refusal = await startHeldTask({ orgId: org.id, agentId: agent.id, amount: 101 }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(BudgetExceededError);
    expect(refusal).toMatchObject({
      code: "budget_exceeded",
      message: expect.stringContaining("900 of 1,000 credits spent or on hold this month, 100 left"),
    });
    await expect(startHeldTask({ orgId: org.id, agentId: agent.id, amount: 100 })).resolves.toEqual(expect.any(String));
  });

  it("alerts once at 80%, even when concurrent holds cross it together, with an audit entry", async () => {
    const { agent } = await sellerAgent();
    const { org, owner } = await fundedOrg(10_000);
    await setBudget({ orgId: org.id, userId: owner.id, departmentId: null, monthlyCapCredits: 1_000 });
    await startHeldTask({ orgId: org.id, agentId: agent.id, amount: 790 });
    expect(alertsFor(org.id)).toHaveLength(0);

    await Promise.all(Array.from({ length: 5 }, () => startHeldTask({ orgId: org.id, agentId: agent.id, amount: 20 })));
    const alerts = alertsFor(org.id);
    expect(alerts).toHaveLength(1);
    const budget = await db.budget.findFirstOrThrow({ where: { orgId: org.id } });
    expect(alerts[0]).toMatchObject({
      id: `budget-alert:${org.id}:${budget.id}:${new Date().toISOString().slice(0, 7)}:80pct-of-1000`,
      data: { capCredits: 1_000, spentCredits: 810, departmentId: null, thresholdPercent: 80 },
    });
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "budget.threshold_crossed" } })).toBe(1);

    // Raising the cap re-arms the alert for the new line.
    await setBudget({ orgId: org.id, userId: owner.id, departmentId: null, monthlyCapCredits: 2_000 });
    await startHeldTask({ orgId: org.id, agentId: agent.id, amount: 700 });
    expect(alertsFor(org.id)).toHaveLength(1); // 1,590 of 2,000 is under 80%
    await startHeldTask({ orgId: org.id, agentId: agent.id, amount: 10 });
    expect(alertsFor(org.id)).toHaveLength(2);
    // The new line is a new alert: its own id, so the engines do not drop it as a repeat.
    expect(alertsFor(org.id)[1]!.id).toMatch(/:80pct-of-2000$/);
  });

  it("applies a department cap to that department's tasks only", async () => {
    const { agent } = await sellerAgent();
    const { org } = await fundedOrg(10_000);
    const departmentId = crypto.randomUUID();
    await db.budget.create({ data: { orgId: org.id, scope: departmentId, departmentId, monthlyCapCredits: 100 } });
    await startHeldTask({ orgId: org.id, agentId: agent.id, amount: 90, departmentId });
    const refusal = await startHeldTask({ orgId: org.id, agentId: agent.id, amount: 20, departmentId }).catch(
      (e: unknown) => e,
    );
    expect(refusal).toMatchObject({ code: "budget_exceeded", scope: "department" });
    await expect(startHeldTask({ orgId: org.id, agentId: agent.id, amount: 500 })).resolves.toEqual(expect.any(String));
  });
});

describe("budget alerts leave after the commit", () => {
  it("sends nothing for a hold whose transaction rolls back, and the claim rolls back with it", async () => {
    const { agent } = await sellerAgent();
    const { org, owner } = await fundedOrg(10_000);
    await setBudget({ orgId: org.id, userId: owner.id, departmentId: null, monthlyCapCredits: 1_000 });
    await startHeldTask({ orgId: org.id, agentId: agent.id, amount: 790 });

    let claimedInside = 0;
    const rolledBack = db.$transaction(async (tx) => {
      const task = await tx.task.create({
        data: { orgId: org.id, agentId: agent.id, price: 20, input: { text: "x" }, contextId: crypto.randomUUID() },
        select: { id: true },
      });
      claimedInside = (await placeHold(tx, { orgId: org.id, taskId: task.id, amount: 20 })).crossings.length;
      throw new Error("a later write of the same transaction failed");
    });
    await expect(rolledBack).rejects.toThrow("a later write");
    expect(claimedInside).toBe(1); // the hold did cross 80%…
    expect(alertsFor(org.id)).toHaveLength(0); // …but nothing left the transaction
    expect(await db.budget.findFirstOrThrow({ where: { orgId: org.id } })).toMatchObject({ alertedAt: null });
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "budget.threshold_crossed" } })).toBe(0);

    // The next hold that commits past the line is the one that alerts.
    await startHeldTask({ orgId: org.id, agentId: agent.id, amount: 20 });
    expect(alertsFor(org.id)).toHaveLength(1);
    expect(claimVisibleAtSend.get(alertsFor(org.id)[0]!.id!)).toBe(true);
  });

  it("startTask sends a committed crossing once, under an id that makes a retried send a no-op", async () => {
    const { agent } = await sellerAgent(850);
    const { org, owner } = await fundedOrg(10_000);
    await setBudget({ orgId: org.id, userId: owner.id, departmentId: null, monthlyCapCredits: 1_000 });
    const start = (messageId: string) =>
      startTask({
        orgId: org.id,
        agent: { id: agent.id },
        message: { messageId, role: "user", parts: [{ kind: "text", text: "go" }] },
        actor: { kind: "user", userId: owner.id },
        source: "UI",
      });
    const messageId = crypto.randomUUID();
    const task = await start(messageId);
    const [alert] = alertsFor(org.id);
    expect(alertsFor(org.id)).toHaveLength(1);
    expect(alert).toMatchObject({ data: { orgId: org.id, spentCredits: 850, capCredits: 1_000 } });
    // Sent after the commit: another connection already saw the claim.
    expect(claimVisibleAtSend.get(alert!.id!)).toBe(true);

    // The caller retrying the same message starts nothing and alerts nobody again.
    expect(await start(messageId)).toMatchObject({ id: task.id, created: false });
    expect(alertsFor(org.id)).toHaveLength(1);

    // A re-send of the same crossing (a retry after a lost acknowledgement) carries the same id.
    await sendBudgetAlerts([alert!.data as BudgetCrossing]);
    expect(alertsFor(org.id).map((e) => e.id)).toEqual([alert!.id, alert!.id]);
  });
});

describe("budgets through tRPC", () => {
  it("lets owners set and remove caps, shows spend to members, and hides other orgs", async () => {
    const { org, user, caller } = await ownerWithOrg("Capped");
    const admin = await createUser("Admin");
    await addMember(org.id, admin.id, "admin");
    const asAdmin = await callerFor(admin.email);

    expect(await caller.budgets.set({ orgId: org.id, monthlyCapCredits: 5_000 })).toEqual({ changed: true });
    expect(await caller.budgets.set({ orgId: org.id, monthlyCapCredits: 5_000 })).toEqual({ changed: false });
    await expect(asAdmin.budgets.set({ orgId: org.id, monthlyCapCredits: 1 })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(caller.budgets.set({ orgId: org.id, monthlyCapCredits: -3 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      caller.budgets.set({ orgId: org.id, departmentId: "no-such-dept", monthlyCapCredits: 10 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    const listed = await asAdmin.budgets.list({ orgId: org.id });
    expect(listed.org).toMatchObject({ capCredits: 5_000, spentCredits: 0, percent: 0, alert: false });
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "budget.set", actorUserId: user.id } })).toBe(1);

    const other = await ownerWithOrg("Nosy");
    await expect(other.caller.budgets.list({ orgId: org.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(other.caller.budgets.set({ orgId: org.id, monthlyCapCredits: null })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    expect(await caller.budgets.set({ orgId: org.id, monthlyCapCredits: null })).toEqual({ changed: true });
    expect((await caller.budgets.list({ orgId: org.id })).org.capCredits).toBeNull();
  });
});
