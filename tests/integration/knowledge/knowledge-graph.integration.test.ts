import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { knowledgeCompany, knowledgeSnapshot } from "./knowledge-support";

/**
 * The knowledge graph through the tRPC door as members use it: entities,
 * observations with provenance, relations, the neighbourhood walk, the
 * entity's history and the org event log, and refusals that write nothing.
 */
describe("knowledge graph through tRPC", () => {
  it("records who wrote each fact and when, in the entity's history and the event log (ids only)", async () => {
    const co = await knowledgeCompany();
    const k = co.max.caller.knowledge;
    const before = new Date();
    const acme = await k.createEntity({
      orgId: co.orgId,
      name: "  Acme   Corp ",
      type: "Customer",
      aliases: ["Acme", "Acme"],
      summary: "Our largest customer.",
      observations: [{ text: "Renews every March.", confidence: 0.8 }],
    });
    await k.addObservation({ orgId: co.orgId, id: acme.id, text: "Their CFO is Dana Reyes." });

    const detail = await co.owner.caller.knowledge.entity({ orgId: co.orgId, id: acme.id });
    expect(detail).toMatchObject({ name: "Acme Corp", type: "customer", aliases: ["Acme"], department: null });
    expect(detail.observations.map((o) => [o.text, o.confidence])).toEqual([
      ["Their CFO is Dana Reyes.", 1],
      ["Renews every March.", 0.8],
    ]);
    for (const o of detail.observations) {
      expect(o.provenance).toMatchObject({
        source: "MEMBER",
        user: { id: co.max.user.id, name: "Max", email: co.max.user.email },
        taskId: null,
        agent: null,
        apiKey: null,
      });
      expect(o.provenance.at.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1000);
    }

    const history = await k.history({ orgId: co.orgId, id: acme.id });
    expect(history.items.map((r) => [r.action, r.actor.kind, r.actor.name])).toEqual([
      ["observation.added", "user", "Max"],
      ["observation.added", "user", "Max"],
      ["entity.created", "user", "Max"],
    ]);

    const events = await db.event.findMany({
      where: { orgId: co.orgId, type: { startsWith: "knowledge." } },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => [e.type, e.subjectId, e.actorId])).toEqual([
      ["knowledge.entity_created", acme.id, co.max.user.id],
      ["knowledge.observation_added", acme.id, co.max.user.id],
      ["knowledge.observation_added", acme.id, co.max.user.id],
    ]);
    // The org-wide log never carries the facts themselves.
    expect(JSON.stringify(events.map((e) => e.data))).not.toMatch(/Acme|March|Dana/);
  });

  it("edits, relates, walks the neighbourhood both ways within the depth, and retracts", async () => {
    const co = await knowledgeCompany();
    const k = co.max.caller.knowledge;
    const orgId = co.orgId;
    const make = (name: string, type: string) => k.createEntity({ orgId, name, type });
    const [dana, acme, pro, bureau] = [
      await make("Dana Reyes", "person"),
      await make("Acme Corp", "customer"),
      await make("Bureau Pro", "product"),
      await make("Bureau", "company"),
    ];
    await k.relate({ orgId, fromId: dana.id, toId: acme.id, type: "Works at" });
    await k.relate({ orgId, fromId: acme.id, toId: pro.id, type: "uses" });
    await k.relate({ orgId, fromId: bureau.id, toId: pro.id, type: "sells" });
    const again = await k.relate({ orgId, fromId: dana.id, toId: acme.id, type: "works_at" });
    expect(again.added).toBe(false);

    const one = await k.neighbourhood({ orgId, id: acme.id, depth: 1 });
    expect(one.nodes.map((n) => [n.name, n.depth]).sort()).toEqual([
      ["Acme Corp", 0],
      ["Bureau Pro", 1],
      ["Dana Reyes", 1],
    ]);
    const two = await k.neighbourhood({ orgId, id: dana.id, depth: 3 });
    expect(two.nodes.map((n) => [n.name, n.depth])).toEqual([
      ["Dana Reyes", 0],
      ["Acme Corp", 1],
      ["Bureau Pro", 2],
      ["Bureau", 3],
    ]);
    expect(two.edges.map((e) => e.type).sort()).toEqual(["sells", "uses", "works_at"]);

    const renamed = await k.updateEntity({ orgId, id: acme.id, name: "Acme Corporation", aliases: ["Acme"] });
    expect(renamed.changed).toEqual(["name", "aliases"]);
    await expect(
      k.updateEntity({ orgId, id: dana.id, name: "acme corporation", type: "CUSTOMER" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const detail = await k.entity({ orgId, id: acme.id });
    expect(detail.relations.map((r) => [r.direction, r.type, r.other.name])).toEqual([
      ["out", "uses", "Bureau Pro"],
      ["in", "works_at", "Dana Reyes"],
    ]);
    await k.addObservation({ orgId, id: acme.id, text: "Pays net 60." });
    const [fact] = (await k.entity({ orgId, id: acme.id })).observations;
    await k.retractObservation({ orgId, observationId: fact!.id });
    const after = await k.entity({ orgId, id: acme.id });
    expect(after.observations[0]).toMatchObject({ text: "Pays net 60.", retractedAt: expect.any(Date) });
    const search = await k.search({ orgId, query: "net 60" });
    expect(search.results.find((r) => r.passage?.text === "Pays net 60.")).toBeUndefined();

    const relation = detail.relations.find((r) => r.type === "uses")!;
    await k.unrelate({ orgId, relationId: relation.id });
    const history = await k.history({ orgId, id: pro.id });
    expect(history.items.map((r) => r.action)).toEqual([
      "relation.removed",
      "relation.added",
      "relation.added",
      "entity.created",
    ]);

    await k.archiveEntity({ orgId, id: pro.id, archived: true });
    const walk = await k.neighbourhood({ orgId, id: bureau.id, depth: 3 });
    expect(walk.nodes.map((n) => n.name)).toEqual(["Bureau"]);
    await expect(k.addObservation({ orgId, id: pro.id, text: "x" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses bad input and viewers with a clear error and writes nothing", async () => {
    const co = await knowledgeCompany();
    const orgId = co.orgId;
    const k = co.max.caller.knowledge;
    const acme = await k.createEntity({ orgId, name: "Acme", type: "customer" });
    const before = await knowledgeSnapshot(orgId);
    const refusals: [string, () => Promise<unknown>, string, RegExp][] = [
      ["empty name", () => k.createEntity({ orgId, name: "  ", type: "customer" }), "BAD_REQUEST", /name/],
      ["bad type", () => k.createEntity({ orgId, name: "X", type: "Cust/omer" }), "BAD_REQUEST", /lower-case/],
      ["same name", () => k.createEntity({ orgId, name: "ACME", type: "customer" }), "CONFLICT", /already/],
      [
        "confidence",
        () => k.createEntity({ orgId, name: "Y", type: "customer", observations: [{ text: "t", confidence: 2 }] }),
        "BAD_REQUEST",
        /0 to 1/,
      ],
      [
        "past expiry",
        () => k.addObservation({ orgId, id: acme.id, text: "t", expiresAt: new Date(Date.now() - 1000) }),
        "BAD_REQUEST",
        /future/,
      ],
      ["empty fact", () => k.addObservation({ orgId, id: acme.id, text: " " }), "BAD_REQUEST", /fact/],
      ["nul", () => k.addObservation({ orgId, id: acme.id, text: "a\u0000b" }), "BAD_REQUEST", /NUL/],
      [
        "self relation",
        () => k.relate({ orgId, fromId: acme.id, toId: acme.id, type: "is" }),
        "BAD_REQUEST",
        /another/,
      ],
      [
        "bad relation",
        () => k.relate({ orgId, fromId: acme.id, toId: acme.id, type: "!!" }),
        "BAD_REQUEST",
        /relation/,
      ],
      [
        "viewer",
        () => co.vera.caller.knowledge.createEntity({ orgId, name: "Z", type: "customer" }),
        "FORBIDDEN",
        /Viewers/,
      ],
      [
        "viewer adds",
        () => co.vera.caller.knowledge.addObservation({ orgId, id: acme.id, text: "t" }),
        "FORBIDDEN",
        /Viewers/,
      ],
      ["bad import", () => k.import({ orgId, document: { format: "other" } }), "BAD_REQUEST", /not a bureau.knowledge/],
    ];
    for (const [label, attempt, code, message] of refusals) {
      const error = await attempt().then(
        () => null,
        (e: { code: string; message: string }) => e,
      );
      expect(error, label).toMatchObject({ code, message: expect.stringMatching(message) });
    }
    expect(await knowledgeSnapshot(orgId)).toEqual(before);
    // A viewer still reads.
    expect((await co.vera.caller.knowledge.entity({ orgId, id: acme.id })).canEdit).toBe(false);
  });
});
