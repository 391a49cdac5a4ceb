import "server-only";
import { DomainError } from "../../errors";
import { Prisma } from "../../generated/prisma/client";
import { eventTransaction } from "../events/event-transaction";
import { commitChanges, newChangeSet, noteRevision, scopeKeyOf } from "./graph-writes";
import { eventActorOf, knowledgeAccess, type KnowledgeActor } from "./knowledge-access";
import {
  nameKeyOf,
  ZAliasesSchema,
  ZEntityNameSchema,
  ZEntityTypeSchema,
  ZSummarySchema,
} from "./knowledge-limits.types";
import { field, reachableEntity, writableScope } from "./knowledge-rules";

export interface UpdateEntityInput {
  orgId: string;
  actor: KnowledgeActor;
  entityId: string;
  name?: string;
  type?: string;
  aliases?: string[];
  summary?: string;
  /** Moves it: null org-wide, or a department (the actor must reach both ends). */
  departmentId?: string | null;
}

type Field = "name" | "type" | "aliases" | "summary" | "departmentId";

/**
 * Renames, retypes, re-aliases, re-summarises or moves an entity, recording
 * each field's before and after in its history. A change that would give
 * it the name and type of another entity in the same scope is a conflict.
 */
export async function updateEntity(input: UpdateEntityInput): Promise<{ id: string; changed: Field[] }> {
  const access = await knowledgeAccess(input.orgId, input.actor, "write");
  const entity = await reachableEntity(access, input.entityId, "write");
  const next = {
    name: input.name === undefined ? entity.name : field(ZEntityNameSchema, input.name),
    type: input.type === undefined ? entity.type : field(ZEntityTypeSchema, input.type),
    aliases: input.aliases === undefined ? entity.aliases : [...new Set(field(ZAliasesSchema, input.aliases))],
    summary: input.summary === undefined ? entity.summary : field(ZSummarySchema, input.summary),
    departmentId:
      input.departmentId === undefined ? entity.departmentId : await writableScope(access, input.departmentId),
  };
  const changed = (Object.keys(next) as Field[]).filter(
    (key) => JSON.stringify(next[key]) !== JSON.stringify(entity[key]),
  );
  if (changed.length === 0) return { id: entity.id, changed };
  try {
    await eventTransaction(async (tx) => {
      const changes = newChangeSet(input.orgId, eventActorOf(input.actor));
      await tx.knowledgeEntity.update({
        where: { id: entity.id },
        data: {
          ...next,
          nameKey: nameKeyOf(next.name),
          scopeKey: scopeKeyOf(next.departmentId),
          searchText: [next.name, ...next.aliases, next.type, next.summary].join(" "),
        },
      });
      noteRevision(
        changes,
        entity.id,
        "entity.updated",
        Object.fromEntries(changed.map((key) => [key, { from: entity[key], to: next[key] }])),
      );
      changes.events.push({
        orgId: input.orgId,
        type: "knowledge.entity_updated",
        subject: { type: "knowledge_entity", id: entity.id },
        actor: changes.actor,
        data: { departmentId: next.departmentId, changed },
      });
      await commitChanges(tx, changes);
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002")
      throw new DomainError("conflict", `There is already a ${next.type} named “${next.name}” there.`);
    throw error;
  }
  return { id: entity.id, changed };
}

/**
 * Archives an entity (kept with its history, out of search, the explorer and
 * the context of tasks) or brings it back.
 */
export async function setEntityArchived(input: {
  orgId: string;
  actor: KnowledgeActor;
  entityId: string;
  archived: boolean;
}): Promise<{ id: string; archivedAt: Date | null }> {
  const access = await knowledgeAccess(input.orgId, input.actor, "write");
  const entity = await reachableEntity(access, input.entityId, "write");
  if ((entity.archivedAt !== null) === input.archived) return { id: entity.id, archivedAt: entity.archivedAt };
  const archivedAt = input.archived ? new Date() : null;
  await eventTransaction(async (tx) => {
    const changes = newChangeSet(input.orgId, eventActorOf(input.actor));
    await tx.knowledgeEntity.update({ where: { id: entity.id }, data: { archivedAt } });
    noteRevision(changes, entity.id, input.archived ? "entity.archived" : "entity.unarchived", {});
    changes.events.push({
      orgId: input.orgId,
      type: input.archived ? "knowledge.entity_archived" : "knowledge.entity_unarchived",
      subject: { type: "knowledge_entity", id: entity.id },
      actor: changes.actor,
      data: { departmentId: entity.departmentId },
    });
    await commitChanges(tx, changes);
  });
  return { id: entity.id, archivedAt };
}
