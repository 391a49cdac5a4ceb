import "server-only";
import { DomainError } from "../../errors";
import { eventTransaction } from "../events/event-transaction";
import { observationSpec, type NewObservationInput } from "./create-entity";
import { embedObservations } from "./embeddings";
import { addObservationRow, commitChanges, newChangeSet } from "./graph-writes";
import { eventActorOf, knowledgeAccess, type KnowledgeActor } from "./knowledge-access";
import { provenanceOf, reachableEntity } from "./knowledge-rules";

/**
 * A fact about an entity in the actor's reach, stamped with who wrote it
 * (the member, or the API key) and when. An archived entity takes no new
 * facts until it is restored.
 */
export async function addObservation(
  input: { orgId: string; actor: KnowledgeActor; entityId: string } & NewObservationInput,
): Promise<{ id: string }> {
  const access = await knowledgeAccess(input.orgId, input.actor, "write");
  const entity = await reachableEntity(access, input.entityId, "write");
  if (entity.archivedAt) throw new DomainError("invalid_input", "Restore this entity before adding to it.");
  const spec = observationSpec(input);
  const provenance = provenanceOf(input.actor, input.actor.kind === "apiKey" ? "API" : "MEMBER");
  const { id } = await eventTransaction(async (tx) => {
    const changes = newChangeSet(input.orgId, eventActorOf(input.actor));
    const row = await addObservationRow(tx, changes, entity, spec, provenance);
    await commitChanges(tx, changes);
    return row;
  });
  await embedObservations(input.orgId, [id]);
  return { id };
}
