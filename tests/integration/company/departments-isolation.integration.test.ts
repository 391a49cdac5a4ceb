import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { sellerAgent } from "../../support/billing-fixtures";
import { ownerWithOrg } from "../../support/factories";

/**
 * Another org's departments and positions are simply not there: every
 * company procedure, given their ids (or slugs) from the caller's own org,
 * answers NOT_FOUND and changes nothing; the org itself is not found to a
 * non-member.
 */
describe("company isolation between orgs", () => {
  it("answers NOT_FOUND to every query and mutation naming another org's records", async () => {
    const { agent } = await sellerAgent(10);
    const acme = await ownerWithOrg("Acme");
    const nosy = await ownerWithOrg("Nosy");
    const a = acme.caller.company;
    const finance = await a.createDepartment({ orgId: acme.org.id, name: "Finance" });
    const team = await a.createDepartment({ orgId: acme.org.id, name: "Payroll", parentId: finance.id });
    const position = await a.hire({ orgId: acme.org.id, departmentId: finance.id, agent: { id: agent.id } });
    const own = await nosy.caller.company.createDepartment({ orgId: nosy.org.id, name: "Own" });
    const ownPosition = await nosy.caller.company.hire({
      orgId: nosy.org.id,
      departmentId: own.id,
      agent: { id: agent.id },
    });
    const snapshot = async () => ({
      departments: await db.department.findMany({ where: { orgId: acme.org.id }, orderBy: { id: "asc" } }),
      positions: await db.position.findMany({ where: { orgId: acme.org.id }, orderBy: { id: "asc" } }),
      leads: await db.departmentLead.count({ where: { departmentId: finance.id } }),
      budgets: await db.budget.count({ where: { orgId: acme.org.id } }),
      events: await db.event.count({ where: { orgId: acme.org.id } }),
    });
    const before = await snapshot();

    const n = nosy.caller.company;
    const orgId = nosy.org.id;
    const attempts: [string, () => Promise<unknown>][] = [
      ["department", () => n.department({ orgId, slug: "finance" })],
      ["departmentTasks", () => n.departmentTasks({ orgId, slug: "finance" })],
      ["createDepartment under theirs", () => n.createDepartment({ orgId, name: "Mole", parentId: finance.id })],
      ["updateDepartment", () => n.updateDepartment({ orgId, id: finance.id, name: "Ours" })],
      ["updateDepartment manager", () => n.updateDepartment({ orgId, id: own.id, managerPositionId: position.id })],
      ["moveDepartment", () => n.moveDepartment({ orgId, id: team.id, parentId: null })],
      ["moveDepartment under theirs", () => n.moveDepartment({ orgId, id: own.id, parentId: finance.id })],
      ["archiveDepartment", () => n.archiveDepartment({ orgId, id: team.id })],
      ["unarchiveDepartment", () => n.unarchiveDepartment({ orgId, id: team.id })],
      ["setLeads", () => n.setLeads({ orgId, id: finance.id, userIds: [nosy.user.id] })],
      ["setDepartmentBudget", () => n.setDepartmentBudget({ orgId, id: finance.id, monthlyCapCredits: 1 })],
      ["hire into theirs", () => n.hire({ orgId, departmentId: finance.id, agent: { id: agent.id } })],
      ["updatePosition", () => n.updatePosition({ orgId, id: position.id, title: "Mole" })],
      ["pausePosition", () => n.pausePosition({ orgId, id: position.id })],
      ["resumePosition", () => n.resumePosition({ orgId, id: position.id })],
      ["endPosition", () => n.endPosition({ orgId, id: position.id })],
      ["movePosition", () => n.movePosition({ orgId, id: position.id, departmentId: own.id })],
      ["movePosition into theirs", () => n.movePosition({ orgId, id: ownPosition.id, departmentId: finance.id })],
    ];
    for (const [name, attempt] of attempts) await expect(attempt(), name).rejects.toMatchObject({ code: "NOT_FOUND" });

    // Acme's own org id, from someone who is not a member.
    const foreign: [string, () => Promise<unknown>][] = [
      ["chart", () => n.chart({ orgId: acme.org.id })],
      ["members", () => n.members({ orgId: acme.org.id })],
      ["department", () => n.department({ orgId: acme.org.id, slug: "finance" })],
      ["updateDepartment", () => n.updateDepartment({ orgId: acme.org.id, id: finance.id, name: "Ours" })],
      ["hire", () => n.hire({ orgId: acme.org.id, departmentId: finance.id, agent: { id: agent.id } })],
      ["endPosition", () => n.endPosition({ orgId: acme.org.id, id: position.id })],
    ];
    for (const [name, attempt] of foreign) await expect(attempt(), name).rejects.toMatchObject({ code: "NOT_FOUND" });

    expect(await snapshot()).toEqual(before);
    // Nosy's chart shows only its own department.
    expect((await n.chart({ orgId })).departments.map((d) => d.id)).toEqual([own.id]);
    expect(await db.position.findUniqueOrThrow({ where: { id: ownPosition.id } })).toMatchObject({
      departmentId: own.id,
    });
  });
});
