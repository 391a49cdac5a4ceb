import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// A real SMTP server on loopback, configured before server/env.ts is read.
const sink = await vi.hoisted(async () => {
  const { startSmtpSink } = await import("./smtp-sink");
  const started = await startSmtpSink();
  process.env.SMTP_URL = started.url;
  return started;
});

import notifyBudgetThreshold from "@/inngest/functions/notify-budget-threshold";
import { db } from "@/server/db";
import { appUrl } from "@/server/env";
import { startJobEngine, stopJobEngine } from "@/server/jobs/engine";
import type { DurableFunction, JobEvent } from "@/server/jobs/types";
import { budgetAlertKey } from "@/server/services/budgets/budget-alert-key";
import { resendLostBudgetAlerts } from "@/server/services/budgets/resend-lost-budget-alerts";
import type { BudgetCrossing } from "@/server/services/budgets/enforce-budgets";
import { sendBudgetAlerts } from "@/server/services/budgets/send-budget-alerts";
import { setBudget } from "@/server/services/budgets/set-budget";
import { placeHold } from "@/server/services/ledger/place-hold";
import { fundedOrg, sellerAgent, startHeldTask } from "../../support/billing-fixtures";
import { addMember, createUser } from "../../support/factories";
import { createInlineJobs } from "../../support/inline-jobs";
import { header, textBody } from "./smtp-sink";

beforeAll(async () => {
  await startJobEngine([notifyBudgetThreshold] as DurableFunction<never>[]);
}, 60_000);
afterAll(async () => {
  await stopJobEngine();
  await sink.close();
});

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** An org at 85% of a 1,000-credit cap, with one member of each role. */
async function orgPastTheLine() {
  const { agent } = await sellerAgent();
  const { org, owner } = await fundedOrg(10_000, "Alerted Co");
  const [admin, member, viewer] = await Promise.all([createUser("Admin"), createUser("Member"), createUser("Viewer")]);
  await addMember(org.id, admin.id, "admin");
  await addMember(org.id, member.id, "member");
  await addMember(org.id, viewer.id, "viewer");
  await setBudget({ orgId: org.id, userId: owner.id, departmentId: null, monthlyCapCredits: 1_000 });
  await startHeldTask({ orgId: org.id, agentId: agent.id, amount: 850 });
  return { org, owner, admin, member, viewer };
}

// Sign-up also mails a verification link; these tests count budget alerts only.
const mailTo = (email: string) =>
  sink.messages.filter((m) => m.to.includes(email) && header(m.raw, "Subject")?.startsWith("Budget"));

describe("budget/threshold.crossed on the local engine", () => {
  it("notifies each owner and admin once, in the bell and by email", async () => {
    const { org, owner, admin } = await orgPastTheLine();
    const rows = await until(
      () => db.notification.findMany({ where: { orgId: org.id }, orderBy: { userId: "asc" } }),
      (found) => found.length >= 2 && found.every((n) => n.emailedAt !== null),
    );
    expect(rows.map((n) => n.userId).sort()).toEqual([owner.id, admin.id].sort());
    const budget = await db.budget.findFirstOrThrow({ where: { orgId: org.id } });
    const month = new Date().toISOString().slice(0, 7);
    for (const row of rows) {
      expect(row).toMatchObject({
        kind: "budget.threshold_crossed",
        title: "Budget 80% reached",
        link: "/credits",
        readAt: null,
        sourceKey: `budget-alert:${org.id}:${budget.id}:${month}:80pct-of-1000`,
      });
      expect(row.body).toContain("Alerted Co's spend");
      expect(row.body).toContain("850 of 1,000 credits (85%)");
    }

    for (const person of [owner, admin]) {
      const [mail, ...more] = mailTo(person.email);
      expect(more).toHaveLength(0);
      expect(header(mail!.raw, "Subject")).toBe("Budget 80% reached");
      expect(header(mail!.raw, "From")).toContain("no-reply@bureau.local");
      expect(textBody(mail!.raw)).toContain("850 of 1,000 credits (85%)");
      expect(textBody(mail!.raw)).toContain(`Open Bureau: ${appUrl()}/credits`);
    }
  });

  it("creates and mails nothing twice when the event is sent again or the function replays", async () => {
    const { org, owner, member, viewer } = await orgPastTheLine();
    await until(
      () => db.notification.count({ where: { orgId: org.id, emailedAt: { not: null } } }),
      (n) => n >= 2,
    );
    const budget = await db.budget.findFirstOrThrow({ where: { orgId: org.id } });
    const crossing: BudgetCrossing = {
      budgetId: budget.id,
      orgId: org.id,
      departmentId: null,
      capCredits: 1_000,
      spentCredits: 850,
      month: new Date().toISOString().slice(0, 7),
      thresholdPercent: 80,
    };
    // The same event id again: the engine starts no second run.
    await sendBudgetAlerts([crossing]);
    // And a replay that does run the function again (the inline runner ignores ids).
    const inline = createInlineJobs([notifyBudgetThreshold] as DurableFunction<never>[]);
    const event: JobEvent = { name: "budget/threshold.crossed", id: budgetAlertKey(crossing), data: crossing };
    await inline.send(event);
    await inline.send(event);
    await new Promise((resolve) => setTimeout(resolve, 500));

    expect(await db.notification.count({ where: { orgId: org.id } })).toBe(2);
    expect(mailTo(owner.email)).toHaveLength(1);
    for (const person of [member, viewer]) {
      expect(await db.notification.count({ where: { userId: person.id } })).toBe(0);
      expect(mailTo(person.email)).toHaveLength(0);
    }
  });

  it("retries a refused email without re-sending the ones that went out", async () => {
    const { org, owner, admin } = await orgPastTheLine();
    const done = await until(
      () => db.notification.count({ where: { orgId: org.id, emailedAt: { not: null } } }),
      (n) => n >= 2,
    );
    expect(done).toBe(2);
    // A second line crossed in the month (the cap was changed): the server refuses one delivery once.
    await setBudget({ orgId: org.id, userId: owner.id, departmentId: null, monthlyCapCredits: 1_050 });
    sink.refuseNext(1);
    const { agent } = await sellerAgent();
    await startHeldTask({ orgId: org.id, agentId: agent.id, amount: 1 });
    const second = await until(
      () =>
        db.notification.findMany({
          where: { orgId: org.id, sourceKey: { endsWith: "80pct-of-1050" }, emailedAt: { not: null } },
        }),
      (found) => found.length >= 2,
    );
    expect(second).toHaveLength(2);
    expect(sink.refused).toBe(1);
    for (const person of [owner, admin]) expect(mailTo(person.email)).toHaveLength(2);
  });

  it("the sweep re-sends a crossing whose event was lost after the commit, once", async () => {
    const { agent } = await sellerAgent();
    const { org, owner } = await fundedOrg(10_000, "Crashed Co");
    await setBudget({ orgId: org.id, userId: owner.id, departmentId: null, monthlyCapCredits: 1_000 });
    // The hold commits its claim, then the process dies before sending.
    const { crossings } = await db.$transaction(async (tx) => {
      const task = await tx.task.create({
        data: { orgId: org.id, agentId: agent.id, price: 900, input: { text: "x" }, contextId: crypto.randomUUID() },
        select: { id: true },
      });
      return placeHold(tx, { orgId: org.id, taskId: task.id, amount: 900 });
    });
    expect(crossings).toHaveLength(1);
    const notified = () => db.notification.count({ where: { orgId: org.id } });

    const key = budgetAlertKey(crossings[0]!);
    // Too young: a live send may still be on its way.
    expect((await resendLostBudgetAlerts({ now: new Date() })).resent).not.toContain(key);
    const later = new Date(Date.now() + 20 * 60_000);
    expect((await resendLostBudgetAlerts({ now: later })).resent).toContain(key);
    expect(await until(notified, (n) => n >= 1)).toBe(1);
    const [row] = await db.notification.findMany({ where: { orgId: org.id } });
    expect(row).toMatchObject({ userId: owner.id, sourceKey: key });
    expect(row!.body).toContain("900 of 1,000 credits (90%)");
    await until(
      () => db.notification.count({ where: { orgId: org.id, emailedAt: { not: null } } }),
      (n) => n >= 1,
    );

    // Delivered now: the next pass leaves it alone.
    expect((await resendLostBudgetAlerts({ now: later })).resent).not.toContain(key);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await notified()).toBe(1);
    expect(mailTo(owner.email)).toHaveLength(1);
  });
});
