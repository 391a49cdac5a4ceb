import { describe, expect, it, vi } from "vitest";
import type { JobEvent } from "@/server/jobs/types";
import { db } from "@/server/db";
import { hirePosition } from "@/server/services/company/positions/hire-position";
import { startTask } from "@/server/services/tasks/start-task";
import { fundedOrg, sellerAgent } from "../../support/billing-fixtures";
import { callerFor, unique } from "../../support/factories";

// No engine here: the task/started an accept sends is only recorded.
const sent = vi.hoisted(() => [] as JobEvent[]);
vi.mock("@/server/jobs/send", () => ({
  sendEvent: async (events: JobEvent | JobEvent[]) => {
    sent.push(...(Array.isArray(events) ? events : [events]));
  },
}));

/** A funded org with one department, its owner's caller, and a task starter running as a position. */
async function hiringOrg(credits = 1_000) {
  const { org, owner } = await fundedOrg(credits, "Hiring Co");
  const caller = await callerFor(owner.email);
  const { id: departmentId } = await caller.company.createDepartment({ orgId: org.id, name: "Research" });
  const run = (positionId: string, text = "hello") =>
    startTask({
      orgId: org.id,
      agent: { id: "ignored-the-position-names-the-agent" },
      positionId,
      message: { messageId: `m-${unique()}`, role: "user", parts: [{ kind: "text", text }] },
      actor: { kind: "user", userId: owner.id },
      source: "UI",
    });
  return { org, owner, caller, departmentId, run };
}

const eventTypes = async (orgId: string, subjectId: string) =>
  (await db.event.findMany({ where: { orgId, subjectId }, orderBy: { id: "asc" }, select: { type: true } })).map(
    (e) => e.type,
  );

describe("hiring", () => {
  it("hires a published listing by id or slug, titled after the agent unless told, for free", async () => {
    const { agent } = await sellerAgent(25);
    const { org, owner, caller, departmentId } = await hiringOrg();
    const walletBefore = await db.ledgerAccount.findMany({ where: { orgId: org.id }, select: { balance: true } });

    const byId = await caller.company.hire({ orgId: org.id, departmentId, agent: { id: agent.id } });
    const bySlug = await caller.company.hire({
      orgId: org.id,
      departmentId,
      agent: { slug: agent.slug },
      title: "Senior analyst",
      instructions: "Cite sources.",
      perTaskCeilingCredits: 100,
      delegationBudgetCredits: 0,
    });
    const chart = await caller.company.chart({ orgId: org.id });
    expect(chart.departments[0]!.positions).toEqual([
      expect.objectContaining({
        id: byId.id,
        title: "Test agent",
        status: "ACTIVE",
        instructions: "",
        perTaskCeilingCredits: null,
        delegationBudgetCredits: null,
        agent: { id: agent.id, slug: agent.slug, name: "Test agent", iconUrl: null, priceCredits: 25 },
      }),
      expect.objectContaining({
        id: bySlug.id,
        title: "Senior analyst",
        instructions: "Cite sources.",
        perTaskCeilingCredits: 100,
        delegationBudgetCredits: 0,
      }),
    ]);
    expect(await db.position.findUniqueOrThrow({ where: { id: byId.id } })).toMatchObject({ hiredById: owner.id });
    expect(await eventTypes(org.id, bySlug.id)).toEqual(["position.hired"]);
    expect(await db.auditLog.count({ where: { orgId: org.id, action: "position.hired" } })).toBe(2);
    // Hiring moves no credits.
    expect(await db.ledgerAccount.findMany({ where: { orgId: org.id }, select: { balance: true } })).toEqual(
      walletBefore,
    );
  });

  it("hires the org's own agents unless paused, never another org's unlisted ones", async () => {
    const { org, owner, caller, departmentId } = await hiringOrg();
    const own = (status: "DRAFT" | "PAUSED", orgId = org.id) =>
      db.agent.create({
        data: {
          orgId,
          slug: `own-${unique()}`,
          name: `Own ${status}`,
          description: "in-house",
          endpointUrl: "https://own.example.test/a2a",
          pricePerTask: 5,
          status,
        },
      });
    const draft = await own("DRAFT");
    const paused = await own("PAUSED");
    const { org: seller } = await sellerAgent();
    const foreignDraft = await own("DRAFT", seller.id);
    const hire = (agentId: string) => caller.company.hire({ orgId: org.id, departmentId, agent: { id: agentId } });

    await expect(hire(draft.id)).resolves.toEqual({ id: expect.any(String) });
    for (const agentId of [paused.id, foreignDraft.id, "no-such-agent"])
      await expect(hire(agentId)).rejects.toMatchObject({
        code: "NOT_FOUND",
        message: "No such agent is available to hire.",
      });
    await expect(
      caller.company.hire({ orgId: org.id, departmentId, agent: { slug: "no-such-slug" } }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.position.count({ where: { orgId: org.id } })).toBe(1);

    // The terms are checked by the service too, whichever door calls it.
    const actor = { kind: "user" as const, userId: owner.id };
    const refusals: [Record<string, unknown>, string][] = [
      [{ instructions: "x".repeat(4_001) }, "Keep standing instructions under 4,000 characters."],
      [{ perTaskCeilingCredits: 0 }, "The per-task ceiling must be at least 1 credit."],
      [{ delegationBudgetCredits: -1 }, "The delegation budget cannot be negative."],
      [{ title: "  " }, "Give the position a title."],
    ];
    for (const [terms, message] of refusals)
      await expect(
        hirePosition({ orgId: org.id, actor, departmentId, agent: { id: draft.id }, ...terms }),
      ).rejects.toMatchObject({ code: "invalid_input", message });
    await expect(
      caller.company.hire({ orgId: org.id, departmentId, agent: { id: draft.id }, perTaskCeilingCredits: 0 }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await db.position.count({ where: { orgId: org.id } })).toBe(1);
  });
});

describe("a position's life", () => {
  it("updates, pauses, resumes, moves and ends, each recorded; an ended one changes no more", async () => {
    const { agent } = await sellerAgent(10);
    const { org, caller, departmentId } = await hiringOrg();
    const { id: otherId } = await caller.company.createDepartment({ orgId: org.id, name: "Sales" });
    const { id } = await caller.company.hire({ orgId: org.id, departmentId, agent: { id: agent.id } });
    const row = () => db.position.findUniqueOrThrow({ where: { id } });

    expect(
      await caller.company.updatePosition({
        orgId: org.id,
        id,
        title: "Analyst",
        instructions: "Be brief.",
        perTaskCeilingCredits: 50,
      }),
    ).toEqual({ id, changed: true });
    expect(await caller.company.updatePosition({ orgId: org.id, id, title: "Analyst" })).toEqual({
      id,
      changed: false,
    });
    await caller.company.updatePosition({ orgId: org.id, id, perTaskCeilingCredits: null });
    expect(await row()).toMatchObject({ title: "Analyst", instructions: "Be brief.", perTaskCeilingCredits: null });

    expect(await caller.company.pausePosition({ orgId: org.id, id })).toEqual({ id, changed: true });
    expect(await caller.company.pausePosition({ orgId: org.id, id })).toEqual({ id, changed: false });
    expect((await row()).status).toBe("PAUSED");
    await caller.company.resumePosition({ orgId: org.id, id });
    expect((await row()).status).toBe("ACTIVE");

    expect(await caller.company.movePosition({ orgId: org.id, id, departmentId: otherId })).toEqual({
      id,
      changed: true,
    });
    expect((await row()).departmentId).toBe(otherId);
    await expect(
      caller.company.movePosition({ orgId: org.id, id, departmentId: "no-such-department" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect(await caller.company.endPosition({ orgId: org.id, id })).toEqual({ id, changed: true });
    expect(await row()).toMatchObject({ status: "ENDED", endedAt: expect.any(Date) });
    for (const change of [
      () => caller.company.resumePosition({ orgId: org.id, id }),
      () => caller.company.pausePosition({ orgId: org.id, id }),
      () => caller.company.updatePosition({ orgId: org.id, id, title: "Back" }),
      () => caller.company.movePosition({ orgId: org.id, id, departmentId }),
    ])
      await expect(change()).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining("has ended") });
    expect(await caller.company.endPosition({ orgId: org.id, id })).toEqual({ id, changed: false });
    // Ended positions leave the chart but stay on record.
    expect((await caller.company.chart({ orgId: org.id })).departments.flatMap((d) => d.positions)).toEqual([]);
    expect(await eventTypes(org.id, id)).toEqual([
      "position.hired",
      "position.updated",
      "position.updated",
      "position.paused",
      "position.resumed",
      "position.moved",
      "position.ended",
    ]);
  });

  it("refuses a paused or ended position's task, and runs an active one's in its department", async () => {
    const { agent } = await sellerAgent(10);
    const { org, caller, departmentId, run } = await hiringOrg();
    const { id } = await caller.company.hire({
      orgId: org.id,
      departmentId,
      agent: { id: agent.id },
      instructions: "Answer in French.",
    });

    const task = await run(id, "Bonjour");
    expect(await db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      agentId: agent.id,
      positionId: id,
      departmentId,
      price: 10,
    });
    expect(await db.creditHold.findUniqueOrThrow({ where: { taskId: task.id } })).toMatchObject({ departmentId });
    const tasks = await caller.company.departmentTasks({ orgId: org.id, slug: "research" });
    expect(tasks).toEqual({
      items: [
        {
          id: task.id,
          state: "SUBMITTED",
          kind: "AGENT",
          price: 10,
          createdAt: expect.any(Date),
          agentName: "Test agent",
          positionTitle: "Test agent",
          // The standing instructions go to the agent, not into the list.
          summary: "Bonjour",
        },
      ],
      nextCursor: null,
    });

    await caller.company.pausePosition({ orgId: org.id, id });
    await expect(run(id)).rejects.toMatchObject({
      code: "position_unavailable",
      message: "Test agent is paused and takes no new tasks.",
    });
    await caller.company.endPosition({ orgId: org.id, id });
    await expect(run(id)).rejects.toMatchObject({
      code: "position_unavailable",
      message: "Test agent is ended and takes no new tasks.",
    });
    expect(await db.task.count({ where: { orgId: org.id } })).toBe(1);
  });

  it("refuses a task priced above the position's ceiling before anything is held", async () => {
    const { agent } = await sellerAgent(60);
    const { org, caller, departmentId, run } = await hiringOrg();
    const { id } = await caller.company.hire({
      orgId: org.id,
      departmentId,
      agent: { id: agent.id },
      perTaskCeilingCredits: 50,
    });
    await expect(run(id)).rejects.toMatchObject({
      code: "position_ceiling",
      details: { capCredits: 50, amount: 60 },
    });
    expect(await db.creditHold.count({ where: { orgId: org.id } })).toBe(0);
    await caller.company.updatePosition({ orgId: org.id, id, perTaskCeilingCredits: 60 });
    await expect(run(id)).resolves.toMatchObject({ price: 60, created: true });
  });

  it("pages a department's tasks newest first", async () => {
    const { agent } = await sellerAgent(1);
    const { org, caller, departmentId, run } = await hiringOrg();
    const { id } = await caller.company.hire({ orgId: org.id, departmentId, agent: { id: agent.id } });
    const started = [];
    for (let i = 0; i < 5; i++) started.push((await run(id, `task ${i}`)).id);
    const first = await caller.company.departmentTasks({ orgId: org.id, slug: "research", limit: 2 });
    const second = await caller.company.departmentTasks({
      orgId: org.id,
      slug: "research",
      limit: 2,
      cursor: first.nextCursor,
    });
    const third = await caller.company.departmentTasks({
      orgId: org.id,
      slug: "research",
      limit: 2,
      cursor: second.nextCursor,
    });
    const all = [...first.items, ...second.items, ...third.items];
    expect(all.map((t) => t.id)).toEqual([...started].reverse());
    expect(all.map((t) => t.summary)).toEqual(["task 4", "task 3", "task 2", "task 1", "task 0"]);
    expect(third.nextCursor).toBeNull();
    await expect(
      caller.company.departmentTasks({ orgId: org.id, slug: "research", cursor: "bm90LWEtY3Vyc29y" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
