import { describe, expect, it } from "vitest";
import { relevantObservations } from "@/server/services/knowledge/company-memory";
import { knowledgeCompany, knowledgeSnapshot } from "./knowledge-support";

/**
 * The scope rule on the tRPC door and for tasks: org-wide entities are seen
 * by every member; a department's by owners, admins, its leads and the leads
 * of the departments below it (whose tasks see it), and by its own tasks and
 * its teams' tasks; never by other departments, other members or other orgs.
 */
async function scopedGraph() {
  const co = await knowledgeCompany();
  const orgId = co.orgId;
  const acme = await co.max.caller.knowledge.createEntity({
    orgId,
    name: "Acme",
    type: "customer",
    observations: [{ text: "Acme renews its licence every March." }],
  });
  const launch = await co.mia.caller.knowledge.createEntity({
    orgId,
    name: "Spring Launch",
    type: "project",
    departmentId: co.marketing.id,
    observations: [{ text: "The Acme spring launch budget is 40k." }],
  });
  const payroll = await co.fred.caller.knowledge.createEntity({
    orgId,
    name: "Payroll Run",
    type: "process",
    departmentId: co.finance.id,
    observations: [{ text: "Acme invoices are paid on the 5th." }],
  });
  const blog = await co.cleo.caller.knowledge.createEntity({
    orgId,
    name: "Launch Blog",
    type: "document",
    departmentId: co.content.id,
    observations: [{ text: "The Acme launch blog goes live in April." }],
  });
  // Acme (org) -> Spring Launch (Marketing) -> Launch Blog (Content); Acme -> Payroll Run (Finance).
  await co.mia.caller.knowledge.relate({ orgId, fromId: launch.id, toId: acme.id, type: "for" });
  await co.cleo.caller.knowledge.relate({ orgId, fromId: blog.id, toId: launch.id, type: "part_of" });
  await co.fred.caller.knowledge.relate({ orgId, fromId: payroll.id, toId: acme.id, type: "bills" });
  return { co, orgId, acme, launch, payroll, blog };
}

describe("knowledge scope", () => {
  it("shows each member what the rule allows: search, lists, entity pages, explorer, export", async () => {
    const { co, orgId, acme, launch, payroll, blog } = await scopedGraph();
    const names = {
      [acme.id]: "Acme",
      [launch.id]: "Spring Launch",
      [payroll.id]: "Payroll Run",
      [blog.id]: "Launch Blog",
    };
    const expected: [string, typeof co.owner.caller, string[]][] = [
      ["owner", co.owner.caller, ["Acme", "Launch Blog", "Payroll Run", "Spring Launch"]],
      ["admin", co.ada.caller, ["Acme", "Launch Blog", "Payroll Run", "Spring Launch"]],
      ["marketing lead", co.mia.caller, ["Acme", "Launch Blog", "Spring Launch"]],
      ["content lead", co.cleo.caller, ["Acme", "Launch Blog", "Spring Launch"]],
      ["finance lead", co.fred.caller, ["Acme", "Payroll Run"]],
      ["member", co.max.caller, ["Acme"]],
      ["viewer", co.vera.caller, ["Acme"]],
    ];
    for (const [who, caller, visible] of expected) {
      const k = caller.knowledge;
      const listed = (await k.entities({ orgId })).items.map((e) => e.name).sort();
      expect(listed, who).toEqual(visible);
      const found = (await k.search({ orgId, query: "acme" })).results.map((r) => r.entity.name).sort();
      expect(found, who).toEqual(visible);
      const walked = (await k.neighbourhood({ orgId, id: acme.id, depth: 3 })).nodes.map((n) => n.name).sort();
      expect(walked, who).toEqual(visible);
      const exported = ((await k.export({ orgId })).entities as { name: string }[]).map((e) => e.name).sort();
      expect(exported, who).toEqual(visible);
      const relations = (await k.entity({ orgId, id: acme.id })).relations.map((r) => r.other.name).sort();
      expect(relations, who).toEqual(visible.filter((n) => n === "Spring Launch" || n === "Payroll Run"));
      for (const [id, name] of Object.entries(names)) {
        const seen = visible.includes(name);
        const attempts = [
          () => k.entity({ orgId, id }),
          () => k.history({ orgId, id }),
          () => k.neighbourhood({ orgId, id }),
        ];
        for (const attempt of attempts)
          if (seen) await expect(attempt(), `${who} ${name}`).resolves.toBeTruthy();
          else await expect(attempt(), `${who} ${name}`).rejects.toMatchObject({ code: "NOT_FOUND" });
      }
    }
    // The content lead reads Marketing's (what Content's tasks see) but may not change it.
    await expect(
      co.cleo.caller.knowledge.addObservation({ orgId, id: launch.id, text: "Moved to May." }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect((await co.cleo.caller.knowledge.entity({ orgId, id: launch.id })).canEdit).toBe(false);
    expect((await co.mia.caller.knowledge.entity({ orgId, id: blog.id })).canEdit).toBe(true);
    // Writing into a department takes its lead (or an admin); a member cannot pick one.
    await expect(
      co.max.caller.knowledge.createEntity({ orgId, name: "Sneaky", type: "note", departmentId: co.finance.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      co.cleo.caller.knowledge.createEntity({ orgId, name: "Sneaky", type: "note", departmentId: co.marketing.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Moving an entity into a department one cannot see is refused; the admin may move anything.
    await expect(
      co.mia.caller.knowledge.updateEntity({ orgId, id: launch.id, departmentId: co.finance.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await co.ada.caller.knowledge.updateEntity({ orgId, id: payroll.id, departmentId: null });
    expect((await co.max.caller.knowledge.entities({ orgId })).items.map((e) => e.name).sort()).toEqual([
      "Acme",
      "Payroll Run",
    ]);
  });

  it("gives a department's tasks their own, their ancestors' and org-wide facts only", async () => {
    const { co, orgId } = await scopedGraph();
    const facts = async (departmentId: string | null) =>
      (await relevantObservations(orgId, departmentId, "What do we know about Acme?", 10))
        .map((o) => o.entity.name)
        .sort();
    expect(await facts(null)).toEqual(["Acme"]);
    expect(await facts(co.finance.id)).toEqual(["Acme", "Payroll Run"]);
    expect(await facts(co.marketing.id)).toEqual(["Acme", "Spring Launch"]);
    expect(await facts(co.content.id)).toEqual(["Acme", "Launch Blog", "Spring Launch"]);
    const other = await knowledgeCompany("Elsewhere");
    // Another org's department reads as no department: org-wide facts of *this* org only.
    expect(await facts(other.marketing.id)).toEqual(["Acme"]);
    expect(await relevantObservations(other.orgId, other.marketing.id, "What do we know about Acme?", 10)).toEqual([]);
  });

  it("answers NOT_FOUND to every procedure naming another org's records, and changes nothing", async () => {
    const { co, orgId, acme, launch } = await scopedGraph();
    const nosy = await knowledgeCompany("Nosy");
    const fact = (await co.owner.caller.knowledge.entity({ orgId, id: acme.id })).observations[0]!;
    const relation = (await co.owner.caller.knowledge.entity({ orgId, id: acme.id })).relations[0]!;
    const before = await knowledgeSnapshot(orgId);
    const n = nosy.owner.caller.knowledge;
    const o = nosy.orgId;
    const own = await n.createEntity({ orgId: o, name: "Own", type: "note" });
    const attempts: [string, () => Promise<unknown>][] = [
      ["entity", () => n.entity({ orgId: o, id: acme.id })],
      ["history", () => n.history({ orgId: o, id: acme.id })],
      ["neighbourhood", () => n.neighbourhood({ orgId: o, id: launch.id })],
      ["updateEntity", () => n.updateEntity({ orgId: o, id: acme.id, name: "Mine" })],
      ["archiveEntity", () => n.archiveEntity({ orgId: o, id: acme.id, archived: true })],
      ["addObservation", () => n.addObservation({ orgId: o, id: acme.id, text: "x" })],
      ["retractObservation", () => n.retractObservation({ orgId: o, observationId: fact.id })],
      ["relate from", () => n.relate({ orgId: o, fromId: acme.id, toId: own.id, type: "x" })],
      ["relate to", () => n.relate({ orgId: o, fromId: own.id, toId: acme.id, type: "x" })],
      ["unrelate", () => n.unrelate({ orgId: o, relationId: relation.id })],
      [
        "createEntity in their department",
        () => n.createEntity({ orgId: o, name: "X", type: "x", departmentId: co.marketing.id }),
      ],
      [
        "setPolicy",
        () => n.setPolicy({ orgId: o, departmentId: co.marketing.id, ingest: "AUTO", attachContext: true }),
      ],
      [
        "saveArtifact",
        () => n.saveArtifact({ orgId: o, taskId: "nope", artifactId: "a", target: { entityId: acme.id } }),
      ],
      ["their org", () => n.entities({ orgId })],
      ["their org search", () => n.search({ orgId, query: "acme" })],
    ];
    for (const [label, attempt] of attempts)
      await expect(attempt(), label).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await n.search({ orgId: o, query: "acme" })).results).toEqual([]);
    expect(await knowledgeSnapshot(orgId)).toEqual(before);
  });
});
