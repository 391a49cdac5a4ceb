import "server-only";
import { DomainError } from "../../errors";
import { db } from "../../db";
import { eventTransaction } from "../events/event-transaction";
import { addRelationRow, commitChanges, newChangeSet, noteRevision } from "./graph-writes";
import { eventActorOf, inReach, knowledgeAccess, type KnowledgeActor } from "./knowledge-access";
import { ZConfidenceSchema, ZRelationTypeSchema } from "./knowledge-limits.types";
import { field, provenanceOf, reachableEntity } from "./knowledge-rules";

/**
 * A typed, directed relation from one entity to another (both in the
 * actor's reach; the source entity writable). Relating the same pair the
 * same way twice is a no-op answering the existing relation.
 */
export async function relateEntities(input: {
  orgId: string;
  actor: KnowledgeActor;
  fromId: string;
  toId: string;
  type: string;
  confidence?: number;
}): Promise<{ id: string; added: boolean }> {
  const access = await knowledgeAccess(input.orgId, input.actor, "write");
  const type = field(ZRelationTypeSchema, input.type);
  const confidence = field(ZConfidenceSchema, input.confidence ?? 1);
  if (input.fromId === input.toId) throw new DomainError("invalid_input", "Relate an entity to another one.");
  const from = await reachableEntity(access, input.fromId, "write");
  const to = await reachableEntity(access, input.toId, "read");
  if (from.archivedAt || to.archivedAt)
    throw new DomainError("invalid_input", "Restore the archived entity before relating it.");
  const provenance = provenanceOf(input.actor, input.actor.kind === "apiKey" ? "API" : "MEMBER");
  return eventTransaction(async (tx) => {
    const changes = newChangeSet(input.orgId, eventActorOf(input.actor));
    const relation = await addRelationRow(tx, changes, from, to, { type, confidence }, provenance);
    await commitChanges(tx, changes);
    return relation;
  });
}

/** Removes a relation (recorded in both entities' history). The actor must be able to write its source entity. */
export async function unrelateEntities(input: {
  orgId: string;
  actor: KnowledgeActor;
  relationId: string;
}): Promise<{ id: string }> {
  const access = await knowledgeAccess(input.orgId, input.actor, "write");
  const relation = await db.knowledgeRelation.findFirst({
    where: { id: input.relationId, orgId: input.orgId },
    select: {
      id: true,
      type: true,
      fromId: true,
      toId: true,
      from: { select: { departmentId: true } },
      to: { select: { departmentId: true } },
    },
  });
  if (
    !relation ||
    !inReach(access, relation.to.departmentId, "read") ||
    !inReach(access, relation.from.departmentId, "read")
  )
    throw new DomainError("not_found", "No such relation in this organization.");
  await reachableEntity(access, relation.fromId, "write");
  await eventTransaction(async (tx) => {
    const { count } = await tx.knowledgeRelation.deleteMany({ where: { id: relation.id, orgId: input.orgId } });
    if (count === 0) return;
    const changes = newChangeSet(input.orgId, eventActorOf(input.actor));
    const detail = { relationId: relation.id, type: relation.type, fromId: relation.fromId, toId: relation.toId };
    noteRevision(changes, relation.fromId, "relation.removed", detail);
    noteRevision(changes, relation.toId, "relation.removed", detail);
    changes.events.push({
      orgId: input.orgId,
      type: "knowledge.relation_removed",
      subject: { type: "knowledge_entity", id: relation.fromId },
      actor: changes.actor,
      data: {
        departmentId: relation.from.departmentId,
        relationId: relation.id,
        type: relation.type,
        toId: relation.toId,
      },
    });
    await commitChanges(tx, changes);
  });
  return { id: relation.id };
}
