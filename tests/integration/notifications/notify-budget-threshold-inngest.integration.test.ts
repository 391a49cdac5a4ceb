import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it, vi } from "vitest";

// Production runs the function on Inngest: here it goes through the production
// adapter and @inngest/test, with its steps running for real against Postgres.
vi.hoisted(() => {
  process.env.JOB_ENGINE = "inngest";
});

import { inngest } from "@/inngest/client";
import notifyBudgetThreshold from "@/inngest/functions/notify-budget-threshold";
import { db } from "@/server/db";
import { toInngestFunction } from "@/server/jobs/inngest/adapt";
import type { DurableFunction } from "@/server/jobs/types";
import { budgetAlertKey } from "@/server/services/budgets/budget-alert-key";
import { addMember, createUser, ownerWithOrg } from "../../support/factories";

const engine = () =>
  new InngestTestEngine({ function: toInngestFunction(inngest, notifyBudgetThreshold as DurableFunction<never>) });

describe("notify-budget-threshold on Inngest (@inngest/test)", () => {
  it("notifies owners and admins on the first run and nobody again on a replay", async () => {
    const { org, user } = await ownerWithOrg("Inngest Co");
    const admin = await createUser("Admin");
    const member = await createUser("Member");
    await addMember(org.id, admin.id, "admin");
    await addMember(org.id, member.id, "member");
    const budget = await db.budget.create({
      data: { orgId: org.id, scope: "org", monthlyCapCredits: 2_000, alertedAt: new Date() },
    });
    const data = {
      budgetId: budget.id,
      orgId: org.id,
      departmentId: null,
      capCredits: 2_000,
      spentCredits: 1_700,
      month: "2026-12",
      thresholdPercent: 80,
    };
    const event = { name: "budget/threshold.crossed", id: budgetAlertKey(data), data };

    const first = await engine().execute({ events: [event], steps: [] });
    expect(first.error).toBeUndefined();
    expect(first.result).toEqual({ created: 2, emailed: 0 }); // no SMTP here: bell only
    const replay = await engine().execute({ events: [event], steps: [] });
    expect(replay.result).toEqual({ created: 0, emailed: 0 });

    const rows = await db.notification.findMany({ where: { orgId: org.id } });
    expect(rows.map((n) => n.userId).sort()).toEqual([user.id, admin.id].sort());
    expect(rows.every((n) => n.body.includes("December 2026 is 1,700 of 2,000 credits (85%)"))).toBe(true);
    expect(rows.every((n) => n.emailedAt === null)).toBe(true);
  });
});
