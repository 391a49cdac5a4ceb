import "server-only";
import { db } from "../../db";
import { DomainError } from "../../errors";
import { eventTransaction } from "../events/event-transaction";
import { commitChanges, newChangeSet, noteRevision } from "./graph-writes";
import { eventActorOf, knowledgeAccess, type KnowledgeActor } from "./knowledge-access";
import { reachableEntity } from "./knowledge-rules";

const NOT_FOUND = "No such observation in this organization.";

/**
 * Withdraws a fact: it stays in the entity's history (who retracted it and
 * when) but is no longer searched, shown as current or attached to tasks.
 * Retracting twice is a no-op.
 */
export async function retractObservation(input: {
  orgId: string;
  actor: KnowledgeActor;
  observationId: string;
}): Promise<{ id: string; retractedAt: Date }> {
  const access = await knowledgeAccess(input.orgId, input.actor, "write");
  const observation = await findObservation(input.orgId, input.observationId);
  const entity = await reachableEntity(access, observation.entityId, "write").catch((error: unknown) => {
    throw error instanceof DomainError && error.kind === "not_found" ? new DomainError("not_found", NOT_FOUND) : error;
  });
  if (observation.retractedAt) return { id: observation.id, retractedAt: observation.retractedAt };
  const retractedAt = new Date();
  const retractedById = input.actor.kind === "user" ? input.actor.userId : null;
  await eventTransaction(async (tx) => {
    const { count } = await tx.knowledgeObservation.updateMany({
      where: { id: observation.id, orgId: input.orgId, retractedAt: null },
      data: { retractedAt, retractedById },
    });
    if (count === 0) return;
    const changes = newChangeSet(input.orgId, eventActorOf(input.actor));
    noteRevision(changes, entity.id, "observation.retracted", {
      observationId: observation.id,
      text: observation.text,
    });
    changes.events.push({
      orgId: input.orgId,
      type: "knowledge.observation_retracted",
      subject: { type: "knowledge_entity", id: entity.id },
      actor: changes.actor,
      data: { departmentId: entity.departmentId, observationId: observation.id },
    });
    await commitChanges(tx, changes);
  });
  return { id: observation.id, retractedAt };
}

async function findObservation(orgId: string, id: string) {
  const observation = await db.knowledgeObservation.findFirst({
    where: { id, orgId },
    select: { id: true, entityId: true, text: true, retractedAt: true },
  });
  if (!observation) throw new DomainError("not_found", NOT_FOUND);
  return observation;
}
