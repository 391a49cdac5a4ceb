import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { DEMO_ORGS } from "@/server/seed/demo-data";
import { ACME_COMPANY, seedCompany } from "@/server/seed/seed-company";
import { seedDemo } from "@/server/seed/seed-demo";
import { ownerWithOrg } from "../../support/factories";
import { resetDemoListings } from "../../support/registry-factories";

/** Acme's demo company (server/seed/seed-company.ts), through the real demo seed. */
describe("the company seed", () => {
  it("gives Acme departments and a Content team with missions, leads, budgets and staff, idempotently", async () => {
    await resetDemoListings();
    await seedDemo();
    const acme = await db.organization.findUniqueOrThrow({ where: { slug: DEMO_ORGS.acme.slug } });
    const footprint = async () => ({
      departments: await db.department.count({ where: { orgId: acme.id } }),
      positions: await db.position.count({ where: { orgId: acme.id } }),
      leads: await db.departmentLead.count({ where: { department: { orgId: acme.id } } }),
      budgets: await db.budget.count({ where: { orgId: acme.id } }),
      events: await db.event.count({ where: { orgId: acme.id, type: { startsWith: "department." } } }),
    });
    const before = await footprint();
    await seedDemo();
    expect(await footprint()).toEqual(before);

    const departments = await db.department.findMany({
      where: { orgId: acme.id },
      select: {
        id: true,
        name: true,
        slug: true,
        mission: true,
        parentId: true,
        approvalPolicy: true,
        leads: { select: { user: { select: { email: true } } } },
        positions: { where: { status: "ACTIVE" }, select: { title: true, agent: { select: { slug: true } } } },
      },
    });
    const byName = new Map(departments.map((d) => [d.name, d]));
    expect([...byName.keys()].sort()).toEqual(
      ["Content", "Customer Support", "Engineering", "Finance", "Legal", "Marketing", "People"].sort(),
    );
    expect(byName.get("Content")!.parentId).toBe(byName.get("Marketing")!.id);
    expect(byName.get("Customer Support")!.slug).toBe("customer-support");
    for (const d of departments) {
      expect(d.mission.length, d.name).toBeGreaterThan(20);
      expect(d.leads.length, d.name).toBeGreaterThan(0);
      expect(d.positions.length, d.name).toBeGreaterThan(1);
      expect(
        await db.budget.findUnique({ where: { orgId_scope: { orgId: acme.id, scope: d.id } } }),
        d.name,
      ).not.toBeNull();
    }
    expect(byName.get("Legal")!.approvalPolicy).toBe("EVERY");
    expect(departments.filter((d) => d.approvalPolicy !== "NONE").map((d) => d.name)).toEqual(["Legal"]);
    const staff = (name: string) => byName.get(name)!.positions.map((p) => p.agent.slug);
    expect(staff("Finance")).toContain("northwind-data-analyst");
    expect(staff("Content")).toContain("northwind-blog-writer");
    expect(staff("Legal")).toContain("northwind-contract-checker");
    expect(staff("Customer Support")).toContain("northwind-support-triage");
    expect(staff("Engineering")).toContain("northwind-code-reviewer");
    expect(staff("People")).toContain("northwind-job-description-writer");
    expect(
      byName
        .get("Content")!
        .leads.map((l) => l.user.email)
        .sort(),
    ).toEqual(["admin@acme.test", "member@acme.test"]);
  });

  it("completes a department left half-made and leaves an archived one alone", async () => {
    await resetDemoListings();
    await seedDemo(); // publishes the Northwind agents the specs hire
    const { org, user, caller } = await ownerWithOrg("Seeded Co");
    const finance = await caller.company.createDepartment({ orgId: org.id, name: "Finance" });
    const legal = await caller.company.createDepartment({ orgId: org.id, name: "Legal" });
    await caller.company.archiveDepartment({ orgId: org.id, id: legal.id });
    const specs = ACME_COMPANY.filter((d) => d.name === "Finance" || d.name === "Legal").map((d) => ({
      ...d,
      leads: [user.email],
    }));

    expect(await seedCompany({ orgId: org.id, ownerUserId: user.id, departments: specs })).toEqual({
      created: 0,
      hired: specs[0]!.positions.length,
    });
    const chart = await caller.company.chart({ orgId: org.id, includeArchived: true });
    const made = chart.departments.find((d) => d.id === finance.id)!;
    expect(made.positions.map((p) => p.title)).toEqual(specs[0]!.positions.map((p) => p.title));
    expect(made.leads.map((l) => l.userId)).toEqual([user.id]);
    expect(made.budget.capCredits).toBe(specs[0]!.monthlyBudget);
    expect(chart.departments.find((d) => d.id === legal.id)).toMatchObject({
      positions: [],
      leads: [],
      approvalPolicy: "NONE",
    });
    expect(await seedCompany({ orgId: org.id, ownerUserId: user.id, departments: specs })).toEqual({
      created: 0,
      hired: 0,
    });
  });
});
