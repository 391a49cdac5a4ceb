import { describe, expect, it, vi } from "vitest";
import type { JobEvent } from "@/server/jobs/types";
import { db } from "@/server/db";
import { isDomainError } from "@/server/errors";
import { parseOrgEventData, ORG_EVENT_CATALOGUE, type OrgEventType } from "@/server/services/events/catalogue";
import { setBudget } from "@/server/services/budgets/set-budget";
import { checkLedger } from "@/server/services/ledger/check-ledger";
import { BudgetExceededError, InsufficientCreditsError } from "@/server/services/ledger/errors";
import { startTask, type StartTaskInput } from "@/server/services/tasks/start-task";
import { writeTask } from "@/server/services/tasks/write-task";
import { balancesOf, fundedOrg, sellerAgent } from "../../support/billing-fixtures";
import { unique } from "../../support/factories";

// No engine in these tests: the task/started a non-inline accept sends is only recorded.
const sent = vi.hoisted(() => [] as JobEvent[]);
vi.mock("@/server/jobs/send", () => ({
  sendEvent: async (events: JobEvent | JobEvent[]) => {
    sent.push(...(Array.isArray(events) ? events : [events]));
  },
}));

/**
 * The hot path's two SQL functions (migration task_hot_path_functions):
 * bureau_accept_task behind startTask, bureau_write_task behind writeTask.
 * Each is one statement; these check that what they refuse writes nothing,
 * what they accept is exact, and what they log matches the catalogue.
 */
async function buyer(credits: number) {
  const { org, owner } = await fundedOrg(credits);
  const start = (agentId: string, extra: Partial<StartTaskInput> = {}) =>
    startTask({
      orgId: org.id,
      agent: { id: agentId },
      message: { messageId: `m-${unique()}`, role: "user", parts: [{ kind: "text", text: "hello" }] },
      actor: { kind: "user", userId: owner.id },
      source: "UI",
      ...extra,
    });
  return { org, owner, start };
}

/** Everything an org has written that a task's accept or end could write. */
async function footprint(orgId: string) {
  const [tasks, taskEvents, holds, events, transactions] = await Promise.all([
    db.task.count({ where: { orgId } }),
    db.taskEvent.count({ where: { orgId } }),
    db.creditHold.count({ where: { orgId } }),
    db.event.count({ where: { orgId } }),
    db.ledgerTransaction.count({ where: { orgId } }),
  ]);
  return { tasks, taskEvents, holds, events, transactions, balances: await balancesOf(orgId) };
}

/** The task's org events in order, each checked against the catalogue (type, subject, data). */
async function orgEventsOf(taskId: string) {
  const rows = await db.event.findMany({ where: { subjectId: taskId }, orderBy: { id: "asc" } });
  for (const row of rows) {
    const type = row.type as OrgEventType;
    expect(ORG_EVENT_CATALOGUE[type]?.subject, row.type).toBe(row.subjectType);
    const parsed = parseOrgEventData(type, row.data);
    expect(parsed.success, `${row.type} ${JSON.stringify(row.data)}`).toBe(true);
  }
  return rows;
}

const completed = (taskId: string, orgId: string, text = "the answer") =>
  writeTask({
    taskId,
    orgId,
    remote: { taskId: `remote-${taskId}`, contextId: "remote-context" },
    artifacts: [
      {
        artifact: { artifactId: "result", name: "Result", parts: [{ kind: "text", text }] },
        lastChunk: true,
        snapshot: true,
      },
    ],
    status: { to: "COMPLETED", from: ["SUBMITTED", "WORKING", "INPUT_REQUIRED"], statusText: "Done." },
    sentTurn: 1,
  });

describe("the accept (bureau_accept_task)", () => {
  it("refuses an unaffordable task with its numbers and writes nothing", async () => {
    const { agent } = await sellerAgent(10);
    const { org, start } = await buyer(15);
    await start(agent.id);
    const before = await footprint(org.id);

    const refusal = await start(agent.id).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(InsufficientCreditsError);
    expect(refusal).toMatchObject({ code: "insufficient_credits", details: { balance: 5, amount: 10 } });
    expect(await footprint(org.id)).toEqual(before);
    expect(before.balances).toMatchObject({ wallet: 5, holds: 10 });
  });

  it("refuses a task past the monthly budget with the cap's numbers and writes nothing", async () => {
    const { agent } = await sellerAgent(10);
    const { org, owner, start } = await buyer(1_000);
    await setBudget({ orgId: org.id, userId: owner.id, departmentId: null, monthlyCapCredits: 15 });
    await start(agent.id);
    const before = await footprint(org.id);

    const refusal = await start(agent.id).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(BudgetExceededError);
    expect(refusal).toMatchObject({
      code: "budget_exceeded",
      details: { scope: "org", capCredits: 15, spentCredits: 10, amount: 10, leftCredits: 5 },
    });
    expect(await footprint(org.id)).toEqual(before);
  });

  it("lets concurrent accepts of one org take exactly what the wallet holds; the refused write nothing", async () => {
    const { agent } = await sellerAgent(10);
    const { org, start } = await buyer(50);
    const before = await footprint(org.id);
    // Arriving together, they share group-commit batches: refusals must not undo their batch's accepts.
    const outcomes = await Promise.allSettled(Array.from({ length: 12 }, () => start(agent.id)));
    const accepted = outcomes.filter((o) => o.status === "fulfilled");
    const refused = outcomes.flatMap((o) => (o.status === "rejected" ? [o.reason] : []));
    expect(accepted).toHaveLength(5);
    expect(refused).toHaveLength(7);
    for (const reason of refused) expect(reason).toBeInstanceOf(InsufficientCreditsError);
    expect(await footprint(org.id)).toMatchObject({
      tasks: 5,
      holds: 5,
      // task.created and credits.held per accepted task, nothing for a refused one.
      events: before.events + 5 * 2,
      balances: { wallet: 0, holds: 50 },
    });
    expect((await checkLedger(db)).ok).toBe(true);
  });

  it("claims a budget's 80% alert once when concurrent accepts cross it, and logs every accepted task", async () => {
    const { agent } = await sellerAgent(10);
    const { org, owner, start } = await buyer(1_000);
    await setBudget({ orgId: org.id, userId: owner.id, departmentId: null, monthlyCapCredits: 100 });
    await Promise.all(Array.from({ length: 7 }, () => start(agent.id))); // 70 of 100
    // These cross 80% together: whichever claims the alert runs in Prisma's transaction, the rest in batches.
    const crossing = await Promise.all(Array.from({ length: 3 }, () => start(agent.id)));
    const budget = await db.budget.findFirstOrThrow({ where: { orgId: org.id } });
    expect(budget.alertedAt).not.toBeNull();
    expect(await db.event.count({ where: { orgId: org.id, type: "budget.threshold_crossed" } })).toBe(1);
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "budget.threshold_crossed" } })).toBe(1);
    for (const task of crossing)
      expect((await orgEventsOf(task.id)).map((e) => e.type)).toEqual(["task.created", "credits.held"]);
    expect(await footprint(org.id)).toMatchObject({ tasks: 10, holds: 10, balances: { wallet: 900, holds: 100 } });
    const alerts = sent.filter((e) => e.name === "budget/threshold.crossed");
    expect(alerts.filter((e) => (e.data as { orgId: string }).orgId === org.id)).toHaveLength(1);
  });

  it("answers a retried messageId with the task it started, and refuses it for another agent", async () => {
    const { agent } = await sellerAgent(10);
    const { agent: other } = await sellerAgent(10);
    const { org, start } = await buyer(100);
    const message = {
      messageId: `m-${unique()}`,
      role: "user" as const,
      parts: [{ kind: "text" as const, text: "x" }],
    };
    const first = await start(agent.id, { message });
    const again = await Promise.all([start(agent.id, { message }), start(agent.id, { message })]);
    for (const retry of again) expect(retry).toEqual({ ...first, created: false });
    const elsewhere = await start(other.id, { message }).catch((e: unknown) => e);
    expect(isDomainError(elsewhere) && elsewhere.code).toBe("message_id_reused");
    expect(await footprint(org.id)).toMatchObject({ tasks: 1, holds: 1, balances: { wallet: 90, holds: 10 } });
  });

  it("refuses a paused or unknown agent before anything is written", async () => {
    const { agent } = await sellerAgent(10);
    const { org, start } = await buyer(100);
    await db.agent.update({ where: { id: agent.id }, data: { status: "PAUSED" } });
    await expect(start(agent.id)).rejects.toMatchObject({ code: "agent_unavailable" });
    await expect(start(`no-such-${unique()}`)).rejects.toMatchObject({ code: "agent_not_found" });
    expect(await footprint(org.id)).toMatchObject({ tasks: 0, taskEvents: 0, holds: 0 });
  });

  it("records the task, its first events and a webhook, and logs task.created and credits.held", async () => {
    const { agent } = await sellerAgent(10);
    const { org, start } = await buyer(100);
    const task = await start(agent.id, { pushConfig: { url: "https://hooks.example.test/bureau", token: "t0k" } });
    const row = await db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(row).toMatchObject({ orgId: org.id, agentId: agent.id, price: 10, state: "SUBMITTED", source: "UI" });
    expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const events = await db.taskEvent.findMany({ where: { taskId: task.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.kind, (e.data as { state?: string }).state ?? null])).toEqual([
      ["message", null],
      ["status", "SUBMITTED"],
    ]);
    expect(await db.taskPushConfig.findMany({ where: { taskId: task.id } })).toMatchObject([
      { url: "https://hooks.example.test/bureau", token: "t0k", orgId: org.id },
    ]);
    expect((await orgEventsOf(task.id)).map((e) => e.type)).toEqual(["task.created", "credits.held"]);
    expect(sent.filter((e) => e.name === "task/started" && e.id === task.id)).toHaveLength(1);
  });
});

describe("the settling write (bureau_write_task)", () => {
  it("ends a completed task once: state, artifact, capture and the agent's count, with catalogue events", async () => {
    const { agent, org: seller } = await sellerAgent(10);
    const { org, start } = await buyer(100);
    const task = await start(agent.id);
    expect(await completed(task.id, org.id)).toEqual({ state: "COMPLETED", transitioned: true, settled: "captured" });
    // A replay of the same response changes nothing.
    expect(await completed(task.id, org.id)).toEqual({ state: "COMPLETED", transitioned: false, settled: null });

    const row = await db.task.findUniqueOrThrow({ where: { id: task.id } });
    expect(row).toMatchObject({ state: "COMPLETED", statusMessage: "Done.", sentTurn: 1, runnerId: null });
    expect(row).toMatchObject({ remoteTaskId: `remote-${task.id}`, remoteContextId: "remote-context" });
    expect(row.settledAt).not.toBeNull();
    expect(row.durationMs).toBe(row.finishedAt!.getTime() - row.createdAt.getTime());
    expect(await db.artifact.findMany({ where: { taskId: task.id }, select: { name: true, parts: true } })).toEqual([
      { name: "Result", parts: [{ kind: "text", text: "the answer" }] },
    ]);
    expect((await db.agent.findUniqueOrThrow({ where: { id: agent.id } })).taskCount).toBe(1);
    expect(await db.creditHold.findUniqueOrThrow({ where: { taskId: task.id } })).toMatchObject({
      status: "CAPTURED",
      sellerOrgId: seller.id,
    });
    expect(await balancesOf(org.id)).toMatchObject({ wallet: 90, holds: 0 });
    expect((await orgEventsOf(task.id)).map((e) => e.type)).toEqual([
      "task.created",
      "credits.held",
      "task.state_changed",
      "task.artifact",
      "credits.captured",
      "task.settled",
    ]);
    const kinds = await db.taskEvent.findMany({ where: { taskId: task.id }, orderBy: { id: "asc" } });
    expect(kinds.map((e) => e.kind)).toEqual(["message", "status", "artifact", "status"]);
    expect((await checkLedger(db)).ok).toBe(true);
  });

  it("releases a failed task's hold with the reason", async () => {
    const { agent } = await sellerAgent(10);
    const { org, start } = await buyer(100);
    const task = await start(agent.id);
    const written = await writeTask({
      taskId: task.id,
      orgId: org.id,
      status: { to: "FAILED", from: ["SUBMITTED", "WORKING"], statusText: "The agent broke." },
    });
    expect(written).toEqual({ state: "FAILED", transitioned: true, settled: "released" });
    expect(await db.creditHold.findUniqueOrThrow({ where: { taskId: task.id } })).toMatchObject({
      status: "RELEASED",
      releaseReason: "failed: The agent broke.",
    });
    expect(await balancesOf(org.id)).toMatchObject({ wallet: 100, holds: 0 });
    const events = await orgEventsOf(task.id);
    expect(events.map((e) => e.type)).toEqual([
      "task.created",
      "credits.held",
      "task.state_changed",
      "credits.released",
      "task.settled",
    ]);
    expect(events.at(-1)!.data).toEqual({ state: "FAILED", outcome: "released", chargedCredits: 0 });
  });

  it("merges appended chunks, and logs a snapshot only when its content changed", async () => {
    const { agent } = await sellerAgent(10);
    const { org, start } = await buyer(100);
    const task = await start(agent.id);
    const chunk = (text: string, extra: { append?: boolean; lastChunk?: boolean; snapshot?: boolean }) =>
      writeTask({
        taskId: task.id,
        orgId: org.id,
        artifacts: [{ artifact: { artifactId: "draft", parts: [{ kind: "text", text }] }, ...extra }],
      });
    await chunk("Hel", { lastChunk: false });
    await chunk("lo", { append: true, lastChunk: true });
    const stored = () =>
      db.artifact.findUniqueOrThrow({ where: { taskId_artifactId: { taskId: task.id, artifactId: "draft" } } });
    expect((await stored()).parts).toEqual([{ kind: "text", text: "Hello" }]);
    // The same content cut differently is no change; other content replaces it.
    await writeTask({
      taskId: task.id,
      orgId: org.id,
      artifacts: [
        {
          artifact: {
            artifactId: "draft",
            parts: [
              { kind: "text", text: "He" },
              { kind: "text", text: "llo" },
            ],
          },
          snapshot: true,
        },
      ],
    });
    await chunk("Goodbye", { snapshot: true });
    expect((await stored()).parts).toEqual([{ kind: "text", text: "Goodbye" }]);
    const artifactEvents = await db.taskEvent.findMany({
      where: { taskId: task.id, kind: "artifact" },
      orderBy: { id: "asc" },
    });
    expect(artifactEvents.map((e) => e.data)).toEqual([
      { artifactId: "draft", parts: [{ kind: "text", text: "Hel" }], append: false, lastChunk: false },
      { artifactId: "draft", parts: [{ kind: "text", text: "lo" }], append: true, lastChunk: true },
      { artifactId: "draft", parts: [{ kind: "text", text: "Goodbye" }], append: false, lastChunk: true },
    ]);
    // Only the chunks that end an artifact are announced on the org's log.
    expect((await orgEventsOf(task.id)).filter((e) => e.type === "task.artifact")).toHaveLength(2);
  });

  it("refuses an artifact its org event could not describe, writing nothing", async () => {
    const { agent } = await sellerAgent(10);
    const { org, start } = await buyer(100);
    const task = await start(agent.id);
    const before = await footprint(org.id);
    await expect(
      writeTask({
        taskId: task.id,
        orgId: org.id,
        artifacts: [{ artifact: { artifactId: "a", name: "n".repeat(501), parts: [] }, lastChunk: true }],
        status: { to: "COMPLETED", from: ["SUBMITTED"] },
      }),
    ).rejects.toThrow(/task\.artifact does not match the catalogue/);
    expect(await footprint(org.id)).toEqual(before);
  });

  it("settles a sandbox run with nothing to charge and leaves the agent's count alone", async () => {
    const { agent, owner: sellerOwner, org: sellerOrg } = await sellerAgent(10);
    await db.agent.update({ where: { id: agent.id }, data: { status: "DRAFT" } });
    const task = await startTask({
      orgId: sellerOrg.id,
      agent: { id: agent.id },
      message: { messageId: `m-${unique()}`, role: "user", parts: [{ kind: "text", text: "try" }] },
      actor: { kind: "user", userId: sellerOwner.id },
      source: "UI",
      sandbox: true,
    });
    expect(task.price).toBe(0);
    expect(await completed(task.id, sellerOrg.id)).toEqual({
      state: "COMPLETED",
      transitioned: true,
      settled: "nothing",
    });
    expect((await db.agent.findUniqueOrThrow({ where: { id: agent.id } })).taskCount).toBe(0);
    expect(await db.creditHold.count({ where: { taskId: task.id } })).toBe(0);
    expect((await orgEventsOf(task.id)).at(-1)!.data).toEqual({
      state: "COMPLETED",
      outcome: "none",
      chargedCredits: 0,
    });
  });
});
