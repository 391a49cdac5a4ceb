import "server-only";
import { DomainError } from "../../errors";
import type { KnowledgeSource } from "../../generated/prisma/enums";
import { eventTransaction } from "../events/event-transaction";
import { embedObservations } from "./embeddings";
import { addObservationRow, commitChanges, ensureEntity, newChangeSet } from "./graph-writes";
import { eventActorOf, knowledgeAccess, type KnowledgeActor } from "./knowledge-access";
import {
  ZAliasesSchema,
  ZConfidenceSchema,
  ZEntityNameSchema,
  ZEntityTypeSchema,
  ZObservationTextSchema,
  ZSummarySchema,
} from "./knowledge-limits.types";
import { field, futureExpiry, provenanceOf, writableScope } from "./knowledge-rules";

export interface NewObservationInput {
  text: string;
  confidence?: number;
  expiresAt?: Date | string | null;
}

export interface CreateEntityInput {
  orgId: string;
  actor: KnowledgeActor;
  name: string;
  type: string;
  aliases?: string[];
  summary?: string;
  /** Null or absent: org-wide. */
  departmentId?: string | null;
  /** Facts to record with it, in order. */
  observations?: NewObservationInput[];
}

export const MAX_OBSERVATIONS_PER_WRITE = 50;

/** Checks a new observation's fields (text, confidence defaulting to 1, an expiry ahead). */
export function observationSpec(input: NewObservationInput) {
  return {
    text: field(ZObservationTextSchema, input.text),
    confidence: field(ZConfidenceSchema, input.confidence ?? 1),
    expiresAt: futureExpiry(input.expiresAt),
  };
}

/**
 * A new entity, org-wide or in a department the actor may write into, with
 * its first observations. A name already used by an entity of the same type
 * in that scope is a conflict naming it (case and spacing do not make a new
 * name), and nothing is written.
 */
export async function createEntity(input: CreateEntityInput): Promise<{ id: string; observationIds: string[] }> {
  const access = await knowledgeAccess(input.orgId, input.actor, "write");
  const spec = {
    name: field(ZEntityNameSchema, input.name),
    type: field(ZEntityTypeSchema, input.type),
    aliases: [...new Set(field(ZAliasesSchema, input.aliases ?? []))],
    summary: field(ZSummarySchema, input.summary ?? ""),
    departmentId: await writableScope(access, input.departmentId ?? null),
  };
  const observations = input.observations ?? [];
  if (observations.length > MAX_OBSERVATIONS_PER_WRITE)
    throw new DomainError("invalid_input", `Send at most ${MAX_OBSERVATIONS_PER_WRITE} observations at once.`);
  const specs = observations.map(observationSpec);
  const source: KnowledgeSource = input.actor.kind === "apiKey" ? "API" : "MEMBER";
  const provenance = provenanceOf(input.actor, source);
  const result = await eventTransaction(async (tx) => {
    const changes = newChangeSet(input.orgId, eventActorOf(input.actor));
    const entity = await ensureEntity(tx, changes, spec, source);
    if (!entity.created)
      throw new DomainError(
        "conflict",
        `There is already a ${spec.type} named “${spec.name}” here; add to it instead.`,
        { entityId: entity.id },
      );
    const observationIds: string[] = [];
    for (const observation of specs)
      observationIds.push((await addObservationRow(tx, changes, entity, observation, provenance)).id);
    await commitChanges(tx, changes);
    return { id: entity.id, observationIds };
  });
  await embedObservations(input.orgId, result.observationIds);
  return result;
}
