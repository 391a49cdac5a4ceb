import { describe, expect, it, vi } from "vitest";
import type { JobEvent } from "@/server/jobs/types";
import { db } from "@/server/db";
import { setBudget } from "@/server/services/budgets/set-budget";
import { captureHold } from "@/server/services/ledger/capture-hold";
import { checkLedger } from "@/server/services/ledger/check-ledger";
import { BudgetExceededError } from "@/server/services/ledger/errors";
import { releaseHold } from "@/server/services/ledger/release-hold";
import { startTask } from "@/server/services/tasks/start-task";
import { balancesOf, fundedOrg, sellerAgent, startHeldTask } from "../../support/billing-fixtures";
import { callerFor, unique } from "../../support/factories";

// No engine: task/started is only recorded; budget alerts are what these tests read.
const sent = vi.hoisted(() => [] as JobEvent[]);
vi.mock("@/server/jobs/send", () => ({
  sendEvent: async (events: JobEvent | JobEvent[]) => {
    sent.push(...(Array.isArray(events) ? events : [events]));
  },
}));

/**
 * Department budgets roll up (bureau_check_hold, migration
 * department_budget_rollup): a task in a team counts against the team, every
 * department above it and the org's cap, and is refused naming the cap it
 * would pass, the org's first.
 */
async function company(credits = 100_000) {
  const { org, owner } = await fundedOrg(credits, "Rollup Co");
  const caller = await callerFor(owner.email);
  const { agent } = await sellerAgent(60);
  const department = async (name: string, parentId: string | null = null, cap: number | null = null) => {
    const { id } = await caller.company.createDepartment({ orgId: org.id, name, parentId });
    if (cap !== null) await caller.company.setDepartmentBudget({ orgId: org.id, id, monthlyCapCredits: cap });
    const position = await caller.company.hire({ orgId: org.id, departmentId: id, agent: { id: agent.id } });
    const run = () =>
      startTask({
        orgId: org.id,
        agent: { id: agent.id },
        positionId: position.id,
        message: { messageId: `m-${unique()}`, role: "user", parts: [{ kind: "text", text: "go" }] },
        actor: { kind: "user", userId: owner.id },
        source: "UI",
      });
    return { id, name, run };
  };
  return { org, owner, caller, agent, department };
}

const refusalOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => error,
  );

describe("budget roll-up", () => {
  it("counts a team's task against the team, each ancestor and the org, refused at the first cap", async () => {
    const { org, owner, caller, department } = await company();
    const marketing = await department("Marketing", null, 300);
    const content = await department("Content", marketing.id, 200);
    const blog = await department("Blog", content.id);
    const social = await department("Social", marketing.id);

    // Blog (no budget of its own) spends Content's and Marketing's: 3 x 60 = 180 of Content's 200.
    for (let i = 0; i < 3; i++) await blog.run();
    const overContent = await refusalOf(blog.run());
    expect(overContent).toBeInstanceOf(BudgetExceededError);
    expect(overContent).toMatchObject({
      code: "budget_exceeded",
      message: expect.stringContaining("would exceed Content's monthly budget: 180 of 200 credits"),
      details: { scope: "department", departmentId: content.id, departmentName: "Content", capCredits: 200 },
    });

    // Marketing's 300 counts everything below it: 180 + 60 (Social) + 60 (its own) = 300, then full.
    await social.run();
    await marketing.run();
    for (const team of [social, marketing])
      expect(await refusalOf(team.run())).toMatchObject({
        code: "budget_exceeded",
        message: expect.stringContaining("would exceed Marketing's monthly budget: 300 of 300 credits"),
        details: { departmentId: marketing.id, departmentName: "Marketing", leftCredits: 0 },
      });
    // Past two department caps, the nearest is named.
    expect(await refusalOf(blog.run())).toMatchObject({ details: { departmentName: "Content" } });

    // A released hold gives its credits back to every cap it counted against.
    const blogTask = await db.task.findFirstOrThrow({ where: { orgId: org.id, departmentId: blog.id } });
    await releaseHold({ taskId: blogTask.id, reason: "failed" });
    await expect(social.run()).resolves.toMatchObject({ created: true });

    // The org's cap is checked first: past both, the refusal names the org.
    await setBudget({ orgId: org.id, userId: owner.id, departmentId: null, monthlyCapCredits: 310 });
    expect(await refusalOf(blog.run())).toMatchObject({
      code: "budget_exceeded",
      message: expect.stringContaining("would exceed the organization's monthly budget"),
      details: { scope: "org", departmentId: null, departmentName: null },
    });

    const chart = await caller.company.chart({ orgId: org.id });
    const month = Object.fromEntries(chart.departments.map((d) => [d.name, d.month]));
    expect(month).toEqual({
      Marketing: { spentCredits: 60, rolledUpSpentCredits: 300, tasks: 1 },
      Content: { spentCredits: 0, rolledUpSpentCredits: 120, tasks: 0 },
      Blog: { spentCredits: 120, rolledUpSpentCredits: 120, tasks: 3 },
      Social: { spentCredits: 120, rolledUpSpentCredits: 120, tasks: 2 },
    });
    expect(chart.org).toEqual({ capCredits: 310, spentCredits: 300 });
    // The Credits page's budget lines count what each cap counts: the department and its teams.
    const lines = (await caller.budgets.list({ orgId: org.id })).departments;
    expect(lines.map((l) => [l.departmentId, l.capCredits, l.spentCredits])).toEqual(
      expect.arrayContaining([
        [marketing.id, 300, 300],
        [content.id, 200, 120],
      ]),
    );
    expect((await checkLedger(db)).ok).toBe(true);
  });

  it("alerts an ancestor's budget at 80% when a team's task crosses it", async () => {
    const { org, department } = await company();
    const finance = await department("Finance", null, 150);
    const payroll = await department("Payroll", finance.id);
    await payroll.run();
    expect(
      sent.filter((e) => e.name === "budget/threshold.crossed" && (e.data as { orgId: string }).orgId === org.id),
    ).toHaveLength(0);
    await payroll.run(); // 120 of 150
    const alerts = sent.filter(
      (e) => e.name === "budget/threshold.crossed" && (e.data as { orgId: string }).orgId === org.id,
    );
    expect(alerts).toHaveLength(1);
    expect(alerts[0]!.data).toMatchObject({ departmentId: finance.id, capCredits: 150, spentCredits: 120 });
  });

  it("moves a team's spend with it when the team is re-parented", async () => {
    const { org, caller, department } = await company();
    const ops = await department("Operations", null, 100);
    const sales = await department("Sales", null, 1_000);
    const field = await department("Field", ops.id);
    await field.run();
    expect(await refusalOf(field.run())).toMatchObject({ details: { departmentName: "Operations" } });
    // Captured this month still counts, like a hold.
    const first = await db.task.findFirstOrThrow({ where: { orgId: org.id, departmentId: field.id } });
    expect(await captureHold({ taskId: first.id })).toEqual({ captured: true });
    await caller.company.moveDepartment({ orgId: org.id, id: field.id, parentId: sales.id });
    // Under Sales, its 60 already spent counts there and no longer against Operations.
    await expect(field.run()).resolves.toMatchObject({ created: true });
    await expect(ops.run()).resolves.toMatchObject({ created: true });
    const chart = await caller.company.chart({ orgId: org.id });
    expect(chart.departments.find((d) => d.name === "Sales")!.month.rolledUpSpentCredits).toBe(120);
    expect(chart.departments.find((d) => d.name === "Operations")!.month.rolledUpSpentCredits).toBe(60);
    const lines = (await caller.budgets.list({ orgId: org.id })).departments;
    expect(lines.find((l) => l.departmentId === sales.id)).toMatchObject({ capCredits: 1_000, spentCredits: 120 });
  });
});

describe("budget roll-up under concurrency", () => {
  it("never lets sibling teams overrun their parent: what fits is held, the rest refused naming it", async () => {
    const { org, department } = await company();
    // The parent's 600 fits 10 tasks at 60; the two teams ask for 12 each at once.
    const marketing = await department("Marketing", null, 600);
    const content = await department("Content", marketing.id, 5_000);
    const social = await department("Social", marketing.id, 5_000);
    const balancesBefore = await balancesOf(org.id);

    const outcomes = await Promise.allSettled(
      Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? content : social).run()),
    );
    const accepted = outcomes.filter((o) => o.status === "fulfilled");
    const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason as unknown] : []));
    expect(accepted).toHaveLength(10);
    expect(refused).toHaveLength(14);
    for (const reason of refused) {
      expect(reason).toBeInstanceOf(BudgetExceededError);
      expect(reason).toMatchObject({
        details: { departmentId: marketing.id, departmentName: "Marketing", capCredits: 600, amount: 60 },
      });
    }

    const holds = await db.creditHold.findMany({ where: { orgId: org.id, status: "HELD" }, select: { amount: true } });
    expect(holds.reduce((sum, h) => sum + h.amount, 0)).toBe(600);
    expect(await db.task.count({ where: { orgId: org.id } })).toBe(10);
    expect(await balancesOf(org.id)).toMatchObject({ wallet: balancesBefore.wallet - 600, holds: 600 });
    expect((await checkLedger(db)).ok).toBe(true);
  }, 120_000);

  it("holds the line between concurrent transactions on separate connections (the wallet lock)", async () => {
    const { org, agent, department } = await company();
    const people = await department("People", null, 300);
    const hiring = await department("Hiring", people.id);
    const onboarding = await department("Onboarding", people.id);
    // Each hold its own transaction on its own pooled connection, all at once:
    // only bureau_check_hold's wallet lock orders them (startTask's group commit does not apply here).
    const outcomes = await Promise.allSettled(
      Array.from({ length: 16 }, (_, i) =>
        startHeldTask({ orgId: org.id, agentId: agent.id, amount: 60, departmentId: (i % 2 ? hiring : onboarding).id }),
      ),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(5);
    for (const outcome of outcomes)
      if (outcome.status === "rejected")
        expect(outcome.reason).toMatchObject({ code: "budget_exceeded", details: { departmentName: "People" } });
    expect(await balancesOf(org.id)).toMatchObject({ holds: 300 });
    expect((await checkLedger(db)).ok).toBe(true);
  }, 120_000);
});
