import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createDepartment } from "@/server/services/company/departments/create-department";
import { updateDepartment } from "@/server/services/company/departments/update-department";
import { addMember, callerFor, createUser, ownerWithOrg } from "../../support/factories";
import { sellerAgent } from "../../support/billing-fixtures";

/**
 * Departments through the company router (issue 13 §1): the tree and its
 * rules, archiving, leads, approval policy, manager, budget and roles. Each
 * refusal is checked to have written nothing.
 */
type Caller = Awaited<ReturnType<typeof callerFor>>;

async function company(name = "Tree Co") {
  const { org, user, caller } = await ownerWithOrg(name);
  const create = (input: { name: string; mission?: string; parentId?: string | null }) =>
    caller.company.createDepartment({ orgId: org.id, ...input });
  return { org, user, caller, create };
}

const eventsOf = (orgId: string, subjectId: string) =>
  db.event.findMany({ where: { orgId, subjectId }, orderBy: { id: "asc" }, select: { type: true, data: true } });

const counts = async (orgId: string) => ({
  departments: await db.department.count({ where: { orgId } }),
  events: await db.event.count({ where: { orgId } }),
  audits: await db.auditLog.count({ where: { orgId } }),
});

describe("departments: create and the tree", () => {
  it("creates departments and teams with unique slugs, a mission, an event and an audit entry", async () => {
    const { org, user, caller, create } = await company();
    const marketing = await create({ name: "Marketing", mission: "Tell the world." });
    expect(marketing.slug).toBe("marketing");
    const again = await create({ name: "Marketing!" });
    expect(again.slug).toBe("marketing-2");
    const content = await create({ name: "Content Team", parentId: marketing.id });
    expect(content.slug).toBe("content-team");

    const chart = await caller.company.chart({ orgId: org.id });
    expect(chart.departments.map((d) => [d.slug, d.parentId])).toEqual([
      ["marketing", null],
      ["marketing-2", null],
      ["content-team", marketing.id],
    ]);
    expect(chart.departments[0]).toMatchObject({
      name: "Marketing",
      mission: "Tell the world.",
      approvalPolicy: "NONE",
      approvalOverCredits: null,
      planAutoRunCredits: 0,
      managerPositionId: null,
      archivedAt: null,
      budget: { capCredits: null },
      month: { spentCredits: 0, rolledUpSpentCredits: 0, tasks: 0 },
      leads: [],
      positions: [],
    });
    expect(await eventsOf(org.id, content.id)).toEqual([
      { type: "department.created", data: { name: "Content Team", slug: "content-team", parentId: marketing.id } },
    ]);
    expect(
      await db.auditLog.count({ where: { orgId: org.id, action: "department.created", actorUserId: user.id } }),
    ).toBe(3);

    const detail = await caller.company.department({ orgId: org.id, slug: "marketing" });
    expect(detail).toMatchObject({ id: marketing.id, children: [content.id], parent: null, pendingApprovals: 0 });
    expect(await caller.company.department({ orgId: org.id, slug: "content-team" })).toMatchObject({
      parent: { id: marketing.id, slug: "marketing", name: "Marketing" },
      children: [],
    });
  });

  it("refuses bad names and missions with a sentence, writing nothing", async () => {
    const { org, user, create } = await company();
    const before = await counts(org.id);
    await expect(create({ name: "   " })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(create({ name: "x".repeat(81) })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(create({ name: "Ok", mission: "m".repeat(2_001) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    // The service checks too (the seed and REST call it directly).
    await expect(
      createDepartment({ orgId: org.id, actor: { kind: "user", userId: user.id }, name: "  " }),
    ).rejects.toMatchObject({ code: "invalid_input", message: "Give the department a name." });
    await expect(create({ name: "Team", parentId: "no-such-department" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await counts(org.id)).toEqual(before);
  });

  it("nests at most four levels, by create and by move", async () => {
    const { org, caller, create } = await company();
    const a = await create({ name: "A" });
    const b = await create({ name: "B", parentId: a.id });
    const c = await create({ name: "C", parentId: b.id });
    const d = await create({ name: "D", parentId: c.id });
    const before = await counts(org.id);
    await expect(create({ name: "E", parentId: d.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("at most 4 levels"),
    });
    expect(await counts(org.id)).toEqual(before);

    // A two-level subtree (X > Y) fits under B (level 2 + 2 = 4) but not under C.
    const x = await create({ name: "X" });
    await create({ name: "Y", parentId: x.id });
    await expect(caller.company.moveDepartment({ orgId: org.id, id: x.id, parentId: c.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Moving X under C would nest teams more than 4 levels deep.",
    });
    expect(await caller.company.moveDepartment({ orgId: org.id, id: x.id, parentId: b.id })).toEqual({
      id: x.id,
      changed: true,
    });
    expect((await db.department.findUniqueOrThrow({ where: { id: x.id } })).parentId).toBe(b.id);
  });

  it("moves a department with its teams, refusing cycles and archived parents", async () => {
    const { org, caller, create } = await company();
    const ops = await create({ name: "Operations" });
    const support = await create({ name: "Support", parentId: ops.id });
    const tier2 = await create({ name: "Tier 2", parentId: support.id });
    const legal = await create({ name: "Legal" });
    const move = (id: string, parentId: string | null) =>
      caller.company.moveDepartment({ orgId: org.id, id, parentId });

    await expect(move(ops.id, ops.id)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Operations cannot sit under itself.",
    });
    await expect(move(ops.id, tier2.id)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "Tier 2 is inside Operations; a department cannot move under one of its own teams.",
    });
    await caller.company.archiveDepartment({ orgId: org.id, id: legal.id });
    await expect(move(support.id, legal.id)).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Legal is archived"),
    });
    expect((await db.department.findUniqueOrThrow({ where: { id: support.id } })).parentId).toBe(ops.id);

    // To the top level, then back: the teams come along.
    expect(await move(support.id, null)).toEqual({ id: support.id, changed: true });
    expect(await move(support.id, null)).toEqual({ id: support.id, changed: false });
    expect((await db.department.findUniqueOrThrow({ where: { id: tier2.id } })).parentId).toBe(support.id);
    await move(support.id, ops.id);
    expect((await eventsOf(org.id, support.id)).filter((e) => e.type === "department.moved")).toEqual([
      { type: "department.moved", data: { name: "Support", fromParentId: ops.id, toParentId: null } },
      { type: "department.moved", data: { name: "Support", fromParentId: null, toParentId: ops.id } },
    ]);
  });

  it("serialises concurrent moves so two departments never end up under each other", async () => {
    const { org, caller, create } = await company();
    const left = await create({ name: "Left" });
    const right = await create({ name: "Right" });
    const outcomes = await Promise.allSettled([
      caller.company.moveDepartment({ orgId: org.id, id: left.id, parentId: right.id }),
      caller.company.moveDepartment({ orgId: org.id, id: right.id, parentId: left.id }),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const rows = await db.department.findMany({ where: { orgId: org.id }, select: { id: true, parentId: true } });
    expect(rows.filter((r) => r.parentId === null)).toHaveLength(1);
  });
});

describe("departments: archive", () => {
  it("refuses while staffed or with live teams, saying so; archived ones leave the chart, take no hires", async () => {
    const { org, caller, create } = await company();
    const { agent } = await sellerAgent(10);
    const marketing = await create({ name: "Marketing" });
    const content = await create({ name: "Content", parentId: marketing.id });
    const writer = await caller.company.hire({ orgId: org.id, departmentId: content.id, agent: { id: agent.id } });
    const archive = (id: string) => caller.company.archiveDepartment({ orgId: org.id, id });

    await expect(archive(marketing.id)).rejects.toMatchObject({
      code: "CONFLICT",
      message:
        "Marketing cannot be archived while it has 1 team that is not archived (Content: archive or move them first).",
    });
    await expect(archive(content.id)).rejects.toMatchObject({
      code: "CONFLICT",
      message: "Content cannot be archived while it has 1 active or paused position (end or move them first).",
    });
    await caller.company.pausePosition({ orgId: org.id, id: writer.id });
    await expect(archive(content.id)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await db.department.count({ where: { orgId: org.id, archivedAt: { not: null } } })).toBe(0);

    await caller.company.endPosition({ orgId: org.id, id: writer.id });
    expect(await archive(content.id)).toEqual({ id: content.id, changed: true });
    expect(await archive(content.id)).toEqual({ id: content.id, changed: false });
    expect(await archive(marketing.id)).toEqual({ id: marketing.id, changed: true });

    expect((await caller.company.chart({ orgId: org.id })).departments).toEqual([]);
    const all = await caller.company.chart({ orgId: org.id, includeArchived: true });
    expect(all.departments.map((d) => [d.name, d.archivedAt !== null])).toEqual([
      ["Marketing", true],
      ["Content", true],
    ]);
    await expect(
      caller.company.hire({ orgId: org.id, departmentId: content.id, agent: { id: agent.id } }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Content is archived") });
    await expect(create({ name: "Blog", parentId: marketing.id })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    // A team comes back only under a live parent.
    await expect(caller.company.unarchiveDepartment({ orgId: org.id, id: content.id })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("unarchive Marketing first"),
    });
    await caller.company.unarchiveDepartment({ orgId: org.id, id: marketing.id });
    expect(await caller.company.unarchiveDepartment({ orgId: org.id, id: content.id })).toEqual({
      id: content.id,
      changed: true,
    });
    expect((await eventsOf(org.id, content.id)).map((e) => e.type)).toEqual([
      "department.created",
      "department.archived",
      "department.unarchived",
    ]);
  });
});

describe("departments: settings", () => {
  it("renames (the slug stays), sets the approval policy and plan limit, and names a manager", async () => {
    const { org, user, caller, create } = await company();
    const { agent } = await sellerAgent(10);
    const legal = await create({ name: "Legal" });
    const other = await create({ name: "Other" });
    const update = (input: Omit<Parameters<Caller["company"]["updateDepartment"]>[0], "orgId">) =>
      caller.company.updateDepartment({ orgId: org.id, ...input });

    expect(await update({ id: legal.id, name: "Legal & Compliance", mission: "Keep us out of trouble." })).toEqual({
      id: legal.id,
      changed: true,
    });
    expect(await update({ id: legal.id, name: "Legal & Compliance" })).toEqual({ id: legal.id, changed: false });
    expect(await db.department.findUniqueOrThrow({ where: { id: legal.id } })).toMatchObject({
      name: "Legal & Compliance",
      slug: "legal",
    });

    await expect(update({ id: legal.id, approvalPolicy: "OVER" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("approvalOverCredits"),
    });
    await update({ id: legal.id, approvalPolicy: "OVER", approvalOverCredits: 500, planAutoRunCredits: 200 });
    expect(await db.department.findUniqueOrThrow({ where: { id: legal.id } })).toMatchObject({
      approvalPolicy: "OVER",
      approvalOverCredits: 500,
      planAutoRunCredits: 200,
    });
    await update({ id: legal.id, approvalPolicy: "EVERY" });
    expect(await db.department.findUniqueOrThrow({ where: { id: legal.id } })).toMatchObject({
      approvalPolicy: "EVERY",
      approvalOverCredits: null,
    });
    await expect(update({ id: legal.id, planAutoRunCredits: -1 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      updateDepartment({
        orgId: org.id,
        actor: { kind: "user", userId: user.id },
        departmentId: legal.id,
        planAutoRunCredits: 1.5,
      }),
    ).rejects.toMatchObject({
      code: "invalid_input",
      message: "The plan auto-run limit must be a whole number of credits.",
    });

    const reviewer = await caller.company.hire({ orgId: org.id, departmentId: legal.id, agent: { id: agent.id } });
    const elsewhere = await caller.company.hire({ orgId: org.id, departmentId: other.id, agent: { id: agent.id } });
    await expect(update({ id: legal.id, managerPositionId: elsewhere.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "The manager must be one of Legal & Compliance's own positions.",
    });
    await expect(update({ id: legal.id, managerPositionId: "no-such-position" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await update({ id: legal.id, managerPositionId: reviewer.id });
    expect((await caller.company.department({ orgId: org.id, slug: "legal" })).managerPositionId).toBe(reviewer.id);

    // A manager position that stops working hands the department back to Bureau's manager.
    await caller.company.pausePosition({ orgId: org.id, id: reviewer.id });
    expect((await db.department.findUniqueOrThrow({ where: { id: legal.id } })).managerPositionId).toBeNull();
    await expect(update({ id: legal.id, managerPositionId: reviewer.id })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("is paused"),
    });
    const updates = (await eventsOf(org.id, legal.id)).filter((e) => e.type === "department.updated");
    expect(updates.map((e) => (e.data as { changed: string[] }).changed)).toEqual([
      ["name", "mission"],
      ["approvalPolicy", "approvalOverCredits", "planAutoRunCredits"],
      ["approvalPolicy", "approvalOverCredits"],
      ["managerPositionId"],
      ["managerPositionId"],
    ]);
  });

  it("sets the leads to members of the org only, replacing the previous ones", async () => {
    const { org, user, caller, create } = await company();
    const finance = await create({ name: "Finance" });
    const maya = await createUser("Maya Member");
    await addMember(org.id, maya.id, "member");
    const stranger = await createUser("Stranger");
    const setLeads = (userIds: string[]) => caller.company.setLeads({ orgId: org.id, id: finance.id, userIds });

    await expect(setLeads([user.id, stranger.id])).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "One of the chosen leads is not a member of this organization.",
    });
    expect(await db.departmentLead.count({ where: { departmentId: finance.id } })).toBe(0);

    expect(await setLeads([user.id, maya.id, user.id])).toEqual({ id: finance.id, changed: true });
    expect(await setLeads([maya.id, user.id])).toEqual({ id: finance.id, changed: false });
    const chart = await caller.company.chart({ orgId: org.id });
    expect(chart.departments[0]!.leads).toEqual([
      { userId: user.id, name: "Owner", email: user.email },
      { userId: maya.id, name: "Maya Member", email: maya.email },
    ]);
    await setLeads([maya.id]);
    expect((await caller.company.chart({ orgId: org.id })).departments[0]!.leads.map((l) => l.userId)).toEqual([
      maya.id,
    ]);
    const changes = (await eventsOf(org.id, finance.id)).filter((e) => e.type === "department.leads_changed");
    expect(changes.map((e) => e.data)).toEqual([
      { name: "Finance", userIds: [user.id, maya.id], added: [user.id, maya.id], removed: [] },
      { name: "Finance", userIds: [maya.id], added: [], removed: [user.id] },
    ]);

    // A lead who leaves the org is no longer shown as one.
    await db.member.deleteMany({ where: { organizationId: org.id, userId: maya.id } });
    expect((await caller.company.chart({ orgId: org.id })).departments[0]!.leads).toEqual([]);
    const members = await caller.company.members({ orgId: org.id });
    expect(members).toEqual([{ userId: user.id, name: "Owner", email: user.email, role: "owner" }]);
  });

  it("sets a department's monthly budget through the existing budgets (scope = its id)", async () => {
    const { org, caller, create } = await company();
    const people = await create({ name: "People" });
    const setBudget = (monthlyCapCredits: number | null) =>
      caller.company.setDepartmentBudget({ orgId: org.id, id: people.id, monthlyCapCredits });
    expect(await setBudget(1_500)).toEqual({ changed: true });
    expect(await db.budget.findFirstOrThrow({ where: { orgId: org.id } })).toMatchObject({
      scope: people.id,
      departmentId: people.id,
      monthlyCapCredits: 1_500,
    });
    expect((await caller.company.department({ orgId: org.id, slug: "people" })).budget).toEqual({ capCredits: 1_500 });
    expect((await caller.budgets.list({ orgId: org.id })).departments).toEqual([
      expect.objectContaining({ departmentId: people.id, capCredits: 1_500, spentCredits: 0 }),
    ]);
    await expect(setBudget(0)).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      caller.company.setDepartmentBudget({ orgId: org.id, id: "not-a-department", monthlyCapCredits: 10 }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await setBudget(null)).toEqual({ changed: true });
    expect(await db.budget.count({ where: { orgId: org.id } })).toBe(0);
  });
});

describe("departments: roles", () => {
  it("lets owners and admins manage; members and viewers read but cannot change anything", async () => {
    const { org, create } = await company();
    const finance = await create({ name: "Finance" });
    const { agent } = await sellerAgent(10);
    const as = async (role: "admin" | "member" | "viewer") => {
      const person = await createUser(role);
      await addMember(org.id, person.id, role);
      return callerFor(person.email);
    };
    const admin = await as("admin");
    const member = await as("member");
    const viewer = await as("viewer");

    expect(await admin.company.createDepartment({ orgId: org.id, name: "Engineering" })).toMatchObject({
      slug: "engineering",
    });
    const position = await admin.company.hire({ orgId: org.id, departmentId: finance.id, agent: { id: agent.id } });
    const before = await counts(org.id);
    for (const reader of [member, viewer]) {
      expect((await reader.company.chart({ orgId: org.id })).departments).toHaveLength(2);
      expect((await reader.company.department({ orgId: org.id, slug: "finance" })).positions).toHaveLength(1);
      const refusals = [
        () => reader.company.createDepartment({ orgId: org.id, name: "Sneaky" }),
        () => reader.company.updateDepartment({ orgId: org.id, id: finance.id, name: "Renamed" }),
        () => reader.company.moveDepartment({ orgId: org.id, id: finance.id, parentId: null }),
        () => reader.company.archiveDepartment({ orgId: org.id, id: finance.id }),
        () => reader.company.setLeads({ orgId: org.id, id: finance.id, userIds: [] }),
        () => reader.company.setDepartmentBudget({ orgId: org.id, id: finance.id, monthlyCapCredits: 5 }),
        () => reader.company.hire({ orgId: org.id, departmentId: finance.id, agent: { id: agent.id } }),
        () => reader.company.pausePosition({ orgId: org.id, id: position.id }),
        () => reader.company.endPosition({ orgId: org.id, id: position.id }),
      ];
      for (const refusal of refusals)
        await expect(refusal()).rejects.toMatchObject({
          code: "FORBIDDEN",
          message: "Only owners and admins can change departments and hire. Ask an admin.",
        });
    }
    expect(await counts(org.id)).toEqual(before);
    expect(await db.position.findUniqueOrThrow({ where: { id: position.id } })).toMatchObject({ status: "ACTIVE" });
  });
});
