import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import {
  findKnowledgeParts,
  ingestKnowledgePart,
  knowledgeContextPart,
  knowledgePolicyOf,
  relevantObservations,
} from "@/server/services/knowledge/company-memory";
import { completedTask, knowledgeCompany, knowledgeSnapshot } from "./knowledge-support";

/**
 * An agent's bureau/knowledge data part, as the lead hands it over when a
 * task completes: validated, written per the department's policy (AUTO at
 * once, REVIEW after a lead accepts), with the task and its agent as
 * provenance; a replay is a no-op. Then what the department's next task is
 * given as context.
 */
const part = {
  type: "bureau/knowledge",
  version: 1,
  entities: [
    {
      name: "Acme Corp",
      type: "customer",
      aliases: ["Acme"],
      observations: [{ text: "Acme wants the launch moved to May.", confidence: 0.7 }],
    },
    { name: "May Launch", type: "project", observations: [{ text: "The May launch targets 3 markets." }] },
  ],
  relations: [
    { from: { name: "May Launch", type: "project" }, type: "for", to: { name: "Acme Corp", type: "customer" } },
  ],
};

describe("ingesting an agent's bureau/knowledge part", () => {
  it("writes at once under AUTO into the department, task and agent as provenance; a replay adds nothing", async () => {
    const co = await knowledgeCompany();
    const orgId = co.orgId;
    await co.owner.caller.knowledge.setPolicy({
      orgId,
      departmentId: co.marketing.id,
      ingest: "AUTO",
      attachContext: true,
    });
    expect(await knowledgePolicyOf(orgId, co.marketing.id)).toEqual({
      departmentId: co.marketing.id,
      ingest: "AUTO",
      attachContext: true,
    });
    const task = await completedTask({
      orgId,
      departmentId: co.marketing.id,
      artifacts: [
        {
          artifactId: "a1",
          parts: [
            { kind: "text", text: "Done." },
            { kind: "data", data: part },
          ],
        },
      ],
    });
    const artifact = await db.artifact.findFirstOrThrow({ where: { taskId: task.id } });
    const [found] = findKnowledgeParts(artifact.parts as { kind: string; data?: unknown }[]);
    expect(found).toEqual(part);

    const first = await ingestKnowledgePart(orgId, { taskId: task.id }, found);
    expect(first).toMatchObject({
      status: "ingested",
      replay: false,
      entitiesCreated: 2,
      observationsAdded: 2,
      relationsAdded: 1,
    });
    const entities = await db.knowledgeEntity.findMany({ where: { orgId }, orderBy: { name: "asc" } });
    expect(entities.map((e) => [e.name, e.departmentId, e.createdKind])).toEqual([
      ["Acme Corp", co.marketing.id, "AGENT"],
      ["May Launch", co.marketing.id, "AGENT"],
    ]);
    const detail = await co.mia.caller.knowledge.entity({ orgId, id: entities[0]!.id });
    expect(detail.observations[0]).toMatchObject({
      text: "Acme wants the launch moved to May.",
      confidence: 0.7,
      provenance: { source: "AGENT", taskId: task.id, agent: { id: task.agentId }, user: null },
    });
    expect(detail.relations).toEqual([expect.objectContaining({ type: "for", direction: "in" })]);
    const history = await co.mia.caller.knowledge.history({ orgId, id: entities[0]!.id });
    expect(history.items.at(-1)).toMatchObject({
      action: "entity.created",
      actor: { kind: "agent", id: task.agentId },
    });
    // Finance cannot see what Marketing's agent wrote.
    await expect(co.fred.caller.knowledge.entity({ orgId, id: entities[0]!.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });

    const before = await knowledgeSnapshot(orgId);
    const again = await ingestKnowledgePart(orgId, { taskId: task.id }, structuredClone(part));
    expect(again).toMatchObject({
      status: "ingested",
      replay: true,
      proposalId: first.proposalId,
      observationsAdded: 0,
    });
    expect(await knowledgeSnapshot(orgId)).toEqual(before);

    // The department's next task is given those facts as context, naming exactly what it carries.
    const context = await relevantObservations(orgId, co.marketing.id, "Plan the Acme launch date", 5);
    expect(context.map((o) => o.text)).toContain("Acme wants the launch moved to May.");
    expect(await relevantObservations(orgId, co.finance.id, "Plan the Acme launch date", 5)).toEqual([]);
    const attached = knowledgeContextPart(context);
    expect(attached).toMatchObject({ kind: "data", data: { type: "bureau/knowledge-context", version: 1 } });
    expect(attached.data.observations.map((o) => o.text)).toEqual(context.map((o) => o.text));
    expect(attached.data.observations[0]).toMatchObject({ source: "AGENT", taskId: task.id });
  });

  it("holds the part for review by default; a non-lead cannot decide; the lead's accepting writes it", async () => {
    const co = await knowledgeCompany();
    const orgId = co.orgId;
    const task = await completedTask({ orgId, departmentId: co.finance.id });
    const held = await ingestKnowledgePart(orgId, { taskId: task.id }, part);
    expect(held).toMatchObject({ status: "pending_review", replay: false });
    expect(await db.knowledgeEntity.count({ where: { orgId } })).toBe(0);
    const event = await db.event.findFirstOrThrow({ where: { orgId, type: "knowledge.proposal_received" } });
    expect(event).toMatchObject({ subjectId: held.proposalId, actorKind: "agent", actorId: task.agentId });
    expect(event.data).toEqual({ departmentId: co.finance.id, taskId: task.id, state: "PENDING" });

    // The inbox: Finance's lead sees it and may decide; Marketing's lead does not see it.
    expect((await co.fred.caller.knowledge.proposals({ orgId })).map((p) => [p.id, p.canDecide])).toEqual([
      [held.proposalId, true],
    ]);
    expect(await co.mia.caller.knowledge.proposals({ orgId })).toEqual([]);
    await expect(
      co.mia.caller.knowledge.decideProposal({ orgId, id: held.proposalId, decision: "accept" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      co.vera.caller.knowledge.decideProposal({ orgId, id: held.proposalId, decision: "accept" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    const accepted = await co.fred.caller.knowledge.decideProposal({ orgId, id: held.proposalId, decision: "accept" });
    expect(accepted).toMatchObject({ state: "ACCEPTED", entitiesCreated: 2, observationsAdded: 2, relationsAdded: 1 });
    const acme = await db.knowledgeEntity.findFirstOrThrow({ where: { orgId, name: "Acme Corp" } });
    expect(acme.departmentId).toBe(co.finance.id);
    const [fact] = (await co.fred.caller.knowledge.entity({ orgId, id: acme.id })).observations;
    expect(fact!.provenance).toMatchObject({
      source: "AGENT",
      taskId: task.id,
      agent: { id: task.agentId },
      user: { id: co.fred.user.id },
    });
    await expect(
      co.fred.caller.knowledge.decideProposal({ orgId, id: held.proposalId, decision: "reject" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await ingestKnowledgePart(orgId, { taskId: task.id }, part)).toMatchObject({
      status: "ingested",
      replay: true,
    });

    // A task without a department: always review, by owners and admins only; rejected writes nothing.
    const loose = await completedTask({ orgId });
    const orgWide = await ingestKnowledgePart(orgId, { taskId: loose.id }, part);
    expect(orgWide.status).toBe("pending_review");
    await expect(
      co.max.caller.knowledge.decideProposal({ orgId, id: orgWide.proposalId, decision: "accept" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const before = await knowledgeSnapshot(orgId);
    await co.ada.caller.knowledge.decideProposal({
      orgId,
      id: orgWide.proposalId,
      decision: "reject",
      comment: "Unverified",
    });
    const after = await knowledgeSnapshot(orgId);
    expect(after.entities).toEqual(before.entities);
    expect(after.observations).toEqual(before.observations);
    expect(await ingestKnowledgePart(orgId, { taskId: loose.id }, part)).toEqual({
      status: "rejected",
      proposalId: orgWide.proposalId,
      replay: true,
    });
  });

  it("refuses a malformed part or another org's task, naming the problem and writing nothing", async () => {
    const co = await knowledgeCompany();
    const other = await knowledgeCompany("Other");
    const task = await completedTask({ orgId: co.orgId, departmentId: co.marketing.id });
    const theirs = await completedTask({ orgId: other.orgId });
    const before = await knowledgeSnapshot(co.orgId);
    const bad: [unknown, RegExp][] = [
      [{ ...part, type: "bureau/other" }, /type/],
      [{ type: "bureau/knowledge", entities: [] }, /at least one entity/],
      [{ ...part, entities: [{ name: "X", type: "Bad Type!" }] }, /entities\.0\.type/],
      [{ ...part, entities: [{ name: "X", type: "x", observations: [{ text: "t", confidence: 3 }] }] }, /confidence/],
      [
        {
          ...part,
          relations: [{ from: { name: "Nobody", type: "person" }, type: "knows", to: part.relations[0]!.to }],
        },
        /do not list/,
      ],
      [{ ...part, extra: true }, /extra|Unrecognized/i],
      ["not an object", /data/],
    ];
    for (const [data, message] of bad)
      await expect(
        ingestKnowledgePart(co.orgId, { taskId: task.id }, data),
        JSON.stringify(data),
      ).rejects.toMatchObject({
        code: "invalid_input",
        message: expect.stringMatching(message),
      });
    await expect(ingestKnowledgePart(co.orgId, { taskId: theirs.id }, part)).rejects.toMatchObject({
      code: "task_not_found",
    });
    await expect(
      ingestKnowledgePart(co.orgId, { taskId: task.id, workflowRunId: "no-such-run" }, part),
    ).rejects.toMatchObject({ code: "not_found" });
    expect(await knowledgeSnapshot(co.orgId)).toEqual(before);
  });
});

describe("Save to knowledge", () => {
  it("makes an artifact an observation: the member, task, agent and artifact as provenance", async () => {
    const co = await knowledgeCompany();
    const orgId = co.orgId;
    const task = await completedTask({
      orgId,
      artifacts: [
        { artifactId: "report", name: "Report", parts: [{ kind: "text", text: "Globex plans to expand to Spain." }] },
      ],
    });
    const saved = await co.max.caller.knowledge.saveArtifact({
      orgId,
      taskId: task.id,
      artifactId: "report",
      target: { name: "Globex", type: "customer" },
    });
    expect(saved.entityCreated).toBe(true);
    const detail = await co.max.caller.knowledge.entity({ orgId, id: saved.entityId });
    expect(detail.observations).toEqual([
      expect.objectContaining({
        text: "Globex plans to expand to Spain.",
        provenance: expect.objectContaining({
          source: "ARTIFACT",
          user: expect.objectContaining({ id: co.max.user.id }),
          taskId: task.id,
          agent: expect.objectContaining({ id: task.agentId }),
          artifactId: "report",
        }),
      }),
    ]);
    const again = await co.max.caller.knowledge.saveArtifact({
      orgId,
      taskId: task.id,
      artifactId: "report",
      target: { entityId: saved.entityId },
      text: "Spain first, then Portugal.",
    });
    expect(again).toMatchObject({ entityId: saved.entityId, entityCreated: false });
    const found = await co.max.caller.knowledge.search({ orgId, query: "Spain" });
    expect(found.results[0]).toMatchObject({
      entity: { id: saved.entityId },
      passage: { provenance: { source: "ARTIFACT" } },
    });

    const other = await knowledgeCompany("Other");
    await expect(
      other.owner.caller.knowledge.saveArtifact({
        orgId: other.orgId,
        taskId: task.id,
        artifactId: "report",
        target: { name: "G", type: "x" },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      co.max.caller.knowledge.saveArtifact({
        orgId,
        taskId: task.id,
        artifactId: "missing",
        target: { name: "G", type: "x" },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      co.max.caller.knowledge.saveArtifact({
        orgId,
        taskId: task.id,
        artifactId: "report",
        target: { name: "G", type: "x", departmentId: co.finance.id },
      }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
