import "server-only";
import type { Tx } from "../../db";
import type { Prisma } from "../../generated/prisma/client";
import type { KnowledgeSource } from "../../generated/prisma/enums";
import type { EventActor } from "../events/catalogue";
import { recordEvents, type AnyRecordEventInput } from "../events/record-event";
import { nameKeyOf } from "./knowledge-limits.types";

/**
 * The writes every door of the knowledge graph shares (a member's form, a
 * REST call, an agent's part, an import, a saved artifact), each inside the
 * caller's transaction and each noting its revision (the entity page's
 * history) and its org event in a ChangeSet that `commitChanges` writes last:
 * the event log takes the org's writer lock until commit.
 */

/** Who and what wrote a fact, as stored on observations and relations. */
export interface WriteProvenance {
  source: KnowledgeSource;
  userId: string | null;
  apiKeyId: string | null;
  taskId: string | null;
  agentId: string | null;
  workflowRunId: string | null;
  artifactId?: string | null;
  proposalId?: string | null;
}

export interface ChangeSet {
  orgId: string;
  actor: EventActor;
  revisions: Prisma.KnowledgeRevisionCreateManyInput[];
  events: AnyRecordEventInput[];
}

export const newChangeSet = (orgId: string, actor: EventActor): ChangeSet => ({
  orgId,
  actor,
  revisions: [],
  events: [],
});

export function noteRevision(changes: ChangeSet, entityId: string, action: string, detail: Prisma.InputJsonObject) {
  changes.revisions.push({
    orgId: changes.orgId,
    entityId,
    action,
    actorKind: changes.actor.kind,
    actorId: changes.actor.id,
    changes: detail,
  });
}

/** Revisions, then events (which take the org's writer lock): call it last in the transaction. */
export async function commitChanges(tx: Tx, changes: ChangeSet): Promise<void> {
  if (changes.revisions.length) await tx.knowledgeRevision.createMany({ data: changes.revisions });
  await recordEvents(tx, changes.events);
}

export interface EntitySpec {
  name: string;
  type: string;
  aliases: string[];
  summary: string;
  departmentId: string | null;
}

export interface EntityRef {
  id: string;
  departmentId: string | null;
}

export const scopeKeyOf = (departmentId: string | null) => departmentId ?? "org";

/**
 * The entity of this name and type in its scope, created when there is none
 * (INSERT … ON CONFLICT, so two writers racing for one name get one entity).
 * `created` says which happened; an existing entity is left as it is.
 */
export async function ensureEntity(
  tx: Tx,
  changes: ChangeSet,
  spec: EntitySpec,
  createdKind: KnowledgeSource,
): Promise<EntityRef & { created: boolean }> {
  const nameKey = nameKeyOf(spec.name);
  const scopeKey = scopeKeyOf(spec.departmentId);
  const createdById = changes.actor.kind === "user" ? changes.actor.id : null;
  const searchText = [spec.name, ...spec.aliases, spec.type, spec.summary].join(" ");
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "KnowledgeEntity" ("id", "orgId", "departmentId", "scopeKey", "name", "nameKey", "type", "aliases",
      "summary", "createdKind", "createdById", "searchText", "updatedAt")
    VALUES (${crypto.randomUUID()}, ${changes.orgId}, ${spec.departmentId}, ${scopeKey}, ${spec.name}, ${nameKey},
      ${spec.type}, ${spec.aliases}::text[], ${spec.summary}, ${createdKind}::"KnowledgeSource", ${createdById},
      ${searchText}, now())
    ON CONFLICT ("orgId", "scopeKey", "type", "nameKey") DO NOTHING
    RETURNING "id"`;
  if (inserted[0]) {
    const id = inserted[0].id;
    noteRevision(changes, id, "entity.created", {
      name: spec.name,
      type: spec.type,
      aliases: spec.aliases,
      summary: spec.summary,
      departmentId: spec.departmentId,
      source: createdKind,
    });
    changes.events.push({
      orgId: changes.orgId,
      type: "knowledge.entity_created",
      subject: { type: "knowledge_entity", id },
      actor: changes.actor,
      data: { departmentId: spec.departmentId, type: spec.type, source: createdKind },
    });
    return { id, departmentId: spec.departmentId, created: true };
  }
  const existing = await tx.knowledgeEntity.findUniqueOrThrow({
    where: { orgId_scopeKey_type_nameKey: { orgId: changes.orgId, scopeKey, type: spec.type, nameKey } },
    select: { id: true, departmentId: true },
  });
  return { ...existing, created: false };
}

export interface ObservationSpec {
  text: string;
  confidence: number;
  expiresAt: Date | null;
}

/**
 * A new observation of the entity. With `skipDuplicate`, a standing
 * observation of the same text makes this a no-op (imports and replays).
 */
export async function addObservationRow(
  tx: Tx,
  changes: ChangeSet,
  entity: EntityRef,
  spec: ObservationSpec,
  provenance: WriteProvenance,
  options: { skipDuplicate?: boolean } = {},
): Promise<{ id: string; added: boolean }> {
  if (options.skipDuplicate) {
    const same = await tx.knowledgeObservation.findFirst({
      where: { orgId: changes.orgId, entityId: entity.id, text: spec.text, retractedAt: null },
      select: { id: true },
    });
    if (same) return { id: same.id, added: false };
  }
  const row = await tx.knowledgeObservation.create({
    data: {
      orgId: changes.orgId,
      entityId: entity.id,
      text: spec.text,
      confidence: spec.confidence,
      expiresAt: spec.expiresAt,
      ...provenance,
    },
    select: { id: true },
  });
  await tx.knowledgeEntity.update({ where: { id: entity.id }, data: { updatedAt: new Date() } });
  noteRevision(changes, entity.id, "observation.added", {
    observationId: row.id,
    text: spec.text,
    confidence: spec.confidence,
    expiresAt: spec.expiresAt?.toISOString() ?? null,
    source: provenance.source,
    taskId: provenance.taskId,
  });
  changes.events.push({
    orgId: changes.orgId,
    type: "knowledge.observation_added",
    subject: { type: "knowledge_entity", id: entity.id },
    actor: changes.actor,
    data: {
      departmentId: entity.departmentId,
      observationId: row.id,
      source: provenance.source,
      taskId: provenance.taskId,
    },
  });
  return { id: row.id, added: true };
}

/** from --type--> to, unless that edge exists (then a no-op). Both ends must already be in the writer's reach. */
export async function addRelationRow(
  tx: Tx,
  changes: ChangeSet,
  from: EntityRef,
  to: EntityRef,
  spec: { type: string; confidence: number },
  provenance: WriteProvenance,
): Promise<{ id: string; added: boolean }> {
  const { artifactId: _artifact, proposalId: _proposal, ...columns } = provenance;
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "KnowledgeRelation" ("id", "orgId", "fromId", "toId", "type", "confidence", "source", "userId",
      "apiKeyId", "taskId", "agentId", "workflowRunId")
    VALUES (${crypto.randomUUID()}, ${changes.orgId}, ${from.id}, ${to.id}, ${spec.type}, ${spec.confidence},
      ${columns.source}::"KnowledgeSource", ${columns.userId}, ${columns.apiKeyId}, ${columns.taskId},
      ${columns.agentId}, ${columns.workflowRunId})
    ON CONFLICT ("fromId", "type", "toId") DO NOTHING
    RETURNING "id"`;
  if (!inserted[0]) {
    const existing = await tx.knowledgeRelation.findUniqueOrThrow({
      where: { fromId_type_toId: { fromId: from.id, type: spec.type, toId: to.id } },
      select: { id: true },
    });
    return { id: existing.id, added: false };
  }
  const id = inserted[0].id;
  await tx.knowledgeEntity.updateMany({ where: { id: { in: [from.id, to.id] } }, data: { updatedAt: new Date() } });
  const detail = { relationId: id, type: spec.type, fromId: from.id, toId: to.id, confidence: spec.confidence };
  noteRevision(changes, from.id, "relation.added", detail);
  if (to.id !== from.id) noteRevision(changes, to.id, "relation.added", detail);
  changes.events.push({
    orgId: changes.orgId,
    type: "knowledge.relation_added",
    subject: { type: "knowledge_entity", id: from.id },
    actor: changes.actor,
    data: { departmentId: from.departmentId, relationId: id, type: spec.type, toId: to.id },
  });
  return { id, added: true };
}
