import "server-only";
import { z } from "zod";
import { db } from "../../db";
import { DomainError } from "../../errors";
import { eventTransaction } from "../events/event-transaction";
import { ZPartViewSchema, type PartView } from "../../schemas/task-event-view";
import { observationSpec } from "./create-entity";
import { embedObservations } from "./embeddings";
import { addObservationRow, commitChanges, ensureEntity, newChangeSet } from "./graph-writes";
import { eventActorOf, knowledgeAccess, type KnowledgeActor } from "./knowledge-access";
import { OBSERVATION_MAX_LENGTH, ZEntityNameSchema, ZEntityTypeSchema } from "./knowledge-limits.types";
import { field, provenanceOf, reachableEntity, writableScope } from "./knowledge-rules";

export type SaveTarget = { entityId: string } | { name: string; type: string; departmentId?: string | null };

/**
 * The text an artifact offers as an observation: its text parts, else its
 * data parts as JSON, else the names of its files.
 */
export function artifactText(parts: readonly PartView[]): string {
  const text = parts.flatMap((p) => (p.kind === "text" ? [p.text] : [])).join("\n\n");
  if (text.trim()) return text.trim();
  const data = parts.flatMap((p) => (p.kind === "data" ? [JSON.stringify(p.data, null, 2)] : [])).join("\n\n");
  if (data.trim()) return data.trim();
  return parts.flatMap((p) => (p.kind === "file" ? [p.filename ?? p.url ?? "a file"] : [])).join(", ");
}

/**
 * "Save to knowledge": an agent's artifact of one of the org's tasks
 * becomes an observation of an entity (an existing one in the member's
 * reach, or one found or created by name and type), with the member, the
 * task, its agent and the artifact as provenance. The text defaults to the
 * artifact's own; a member may trim or edit it first (an artifact longer
 * than an observation must be trimmed: the refusal says by how much).
 */
export async function saveArtifactToKnowledge(input: {
  orgId: string;
  actor: KnowledgeActor;
  taskId: string;
  artifactId: string;
  target: SaveTarget;
  text?: string;
  confidence?: number;
  expiresAt?: Date | string | null;
}): Promise<{ entityId: string; observationId: string; entityCreated: boolean }> {
  const access = await knowledgeAccess(input.orgId, input.actor, "write");
  const artifact = await db.artifact.findFirst({
    where: { artifactId: input.artifactId, task: { id: input.taskId, orgId: input.orgId } },
    select: { artifactId: true, parts: true, task: { select: { id: true, agentId: true, workflowRunId: true } } },
  });
  if (!artifact) throw new DomainError("not_found", "No such artifact on this organization's task.");
  const parts = z.array(ZPartViewSchema).catch([]).parse(artifact.parts);
  const text = input.text ?? artifactText(parts);
  if (!text.trim())
    throw new DomainError("invalid_input", "This artifact has no text to save; write the fact yourself.");
  if (text.length > OBSERVATION_MAX_LENGTH)
    throw new DomainError(
      "invalid_input",
      `This text is ${text.length.toLocaleString("en-US")} characters; trim it to ` +
        `${OBSERVATION_MAX_LENGTH.toLocaleString("en-US")} (the artifact stays linked as the source).`,
    );
  const spec = observationSpec({ text, confidence: input.confidence, expiresAt: input.expiresAt });
  const existing = "entityId" in input.target ? await reachableEntity(access, input.target.entityId, "write") : null;
  if (existing?.archivedAt) throw new DomainError("invalid_input", "Restore this entity before adding to it.");
  const newSpec =
    "entityId" in input.target
      ? null
      : {
          name: field(ZEntityNameSchema, input.target.name),
          type: field(ZEntityTypeSchema, input.target.type),
          aliases: [],
          summary: "",
          departmentId: await writableScope(access, input.target.departmentId ?? null),
        };
  const provenance = {
    ...provenanceOf(input.actor, "ARTIFACT"),
    taskId: artifact.task.id,
    agentId: artifact.task.agentId,
    workflowRunId: artifact.task.workflowRunId,
    artifactId: artifact.artifactId,
  };
  const result = await eventTransaction(async (tx) => {
    const changes = newChangeSet(input.orgId, eventActorOf(input.actor));
    const entity = existing
      ? { id: existing.id, departmentId: existing.departmentId, created: false }
      : await ensureEntity(tx, changes, newSpec!, "ARTIFACT");
    const observation = await addObservationRow(tx, changes, entity, spec, provenance);
    await commitChanges(tx, changes);
    return { entityId: entity.id, observationId: observation.id, entityCreated: entity.created };
  });
  await embedObservations(input.orgId, [result.observationId]);
  return result;
}
