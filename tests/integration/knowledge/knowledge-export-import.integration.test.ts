import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { knowledgeCompany, knowledgeSnapshot } from "./knowledge-support";

/**
 * JSON export and import: a round trip into another org with the same
 * departments gives the same graph; importing it again changes nothing;
 * a file naming an unknown department or a relation to nothing is refused
 * whole, and nothing is written.
 */
type Doc = {
  entities: { name: string; type: string; department: string | null; observations: { text: string }[] }[];
  relations: { from: { name: string }; type: string; to: { name: string } }[];
};
const comparable = (doc: Doc) => ({
  entities: doc.entities
    .map((e) => ({ name: e.name, type: e.type, department: e.department, facts: e.observations.map((o) => o.text) }))
    .sort((a, b) => a.name.localeCompare(b.name)),
  relations: doc.relations.map((r) => `${r.from.name} ${r.type} ${r.to.name}`).sort(),
});

describe("knowledge export and import", () => {
  it("round-trips into another org and is idempotent by entity name and type", async () => {
    const source = await knowledgeCompany("Source");
    const k = source.owner.caller.knowledge;
    const orgId = source.orgId;
    const acme = await k.createEntity({
      orgId,
      name: "Acme",
      type: "customer",
      aliases: ["Acme Corp"],
      summary: "Big customer.",
      observations: [
        { text: "Renews in March.", confidence: 0.9 },
        { text: "Renewal price is fixed until 2030.", expiresAt: new Date(Date.now() + 86_400_000) },
      ],
    });
    const launch = await k.createEntity({
      orgId,
      name: "Launch",
      type: "project",
      departmentId: source.marketing.id,
      observations: [{ text: "Launch is in May." }],
    });
    await k.relate({ orgId, fromId: launch.id, toId: acme.id, type: "for" });
    const gone = await k.createEntity({ orgId, name: "Old", type: "note", observations: [{ text: "Stale." }] });
    await k.archiveEntity({ orgId, id: gone.id, archived: true });
    const retracted = await k.addObservation({ orgId, id: acme.id, text: "Wrong fact." });
    await k.retractObservation({ orgId, observationId: retracted.id });

    const exported = (await k.export({ orgId })) as Doc;
    expect(comparable(exported)).toEqual({
      entities: [
        {
          name: "Acme",
          type: "customer",
          department: null,
          facts: ["Renews in March.", "Renewal price is fixed until 2030."],
        },
        { name: "Launch", type: "project", department: "marketing", facts: ["Launch is in May."] },
      ],
      relations: ["Launch for Acme"],
    });

    const target = await knowledgeCompany("Target");
    const t = target.owner.caller.knowledge;
    // The file travels as JSON.
    const file = JSON.parse(JSON.stringify(exported)) as unknown;
    expect(await t.import({ orgId: target.orgId, document: file })).toEqual({
      entitiesCreated: 2,
      entitiesUpdated: 0,
      observationsAdded: 3,
      relationsAdded: 1,
    });
    const back = (await t.export({ orgId: target.orgId })) as Doc;
    expect(comparable(back)).toEqual(comparable(exported));
    const imported = await db.knowledgeEntity.findFirstOrThrow({ where: { orgId: target.orgId, name: "Launch" } });
    expect(imported.departmentId).toBe(target.marketing.id);
    const [fact] = (await t.entity({ orgId: target.orgId, id: imported.id })).observations;
    expect(fact!.provenance).toMatchObject({ source: "IMPORT", user: { id: target.owner.user.id } });
    const event = await db.event.findFirstOrThrow({ where: { orgId: target.orgId, type: "knowledge.imported" } });
    expect(event.data).toEqual({ entitiesCreated: 2, entitiesUpdated: 0, observationsAdded: 3, relationsAdded: 1 });

    const before = await knowledgeSnapshot(target.orgId);
    expect(await t.import({ orgId: target.orgId, document: file })).toEqual({
      entitiesCreated: 0,
      entitiesUpdated: 0,
      observationsAdded: 0,
      relationsAdded: 0,
    });
    const after = await knowledgeSnapshot(target.orgId);
    // Only the import's own summary event is new.
    expect(after).toEqual({ ...before, events: before.events + 1 });

    // A changed name's case, a new alias and a new fact: the same entity, updated.
    const edited = structuredClone(exported);
    edited.entities[0] = {
      ...edited.entities[0]!,
      name: "ACME",
      observations: [...edited.entities[0]!.observations, { text: "Moved to Berlin." }],
    };
    (edited.entities[0] as unknown as { aliases: string[] }).aliases = ["Acme Corp", "Acme GmbH"];
    expect(await t.import({ orgId: target.orgId, document: edited })).toEqual({
      entitiesCreated: 0,
      entitiesUpdated: 1,
      observationsAdded: 1,
      relationsAdded: 0,
    });
  });

  it("refuses a file naming an unknown department, a relation to nothing or a closed scope, whole", async () => {
    const co = await knowledgeCompany("Strict");
    const orgId = co.orgId;
    const base = {
      format: "bureau.knowledge",
      version: 1,
      entities: [{ name: "A", type: "note", department: null, observations: [{ text: "x" }] }],
      relations: [],
    };
    const before = await knowledgeSnapshot(orgId);
    const refusals: [unknown, typeof co.owner.caller, string, RegExp][] = [
      [{ ...base, version: 2 }, co.owner.caller, "BAD_REQUEST", /version 1/],
      [
        { ...base, entities: [{ ...base.entities[0], department: "legal" }] },
        co.owner.caller,
        "BAD_REQUEST",
        /no department “legal”/,
      ],
      [
        {
          ...base,
          relations: [
            {
              from: { name: "A", type: "note", department: null },
              type: "is",
              to: { name: "B", type: "note", department: null },
            },
          ],
        },
        co.owner.caller,
        "BAD_REQUEST",
        /neither in the file nor here/,
      ],
      [
        { ...base, entities: [...base.entities, { name: "F", type: "note", department: "finance", observations: [] }] },
        co.max.caller,
        "BAD_REQUEST",
        /no department “finance”/,
      ],
      [
        {
          ...base,
          entities: [...base.entities, { name: "M", type: "note", department: "marketing", observations: [] }],
        },
        co.cleo.caller,
        "FORBIDDEN",
        /cannot add to the knowledge of “marketing”/,
      ],
      [base, co.vera.caller, "FORBIDDEN", /Viewers/],
      [
        { ...base, entities: [{ ...base.entities[0], observations: [{ text: "x", confidence: 7 }] }] },
        co.owner.caller,
        "BAD_REQUEST",
        /0 to 1/,
      ],
    ];
    for (const [document, caller, code, message] of refusals)
      await expect(caller.knowledge.import({ orgId, document }), JSON.stringify(document)).rejects.toMatchObject({
        code,
        message: expect.stringMatching(message),
      });
    expect(await knowledgeSnapshot(orgId)).toEqual(before);
  });
});
