import "server-only";
import type { Tx } from "../../db";
import {
  addObservationRow,
  addRelationRow,
  ensureEntity,
  type ChangeSet,
  type EntityRef,
  type WriteProvenance,
} from "./graph-writes";
import { partRefKey, type KnowledgePart } from "./knowledge-part.types";

export interface PartCounts {
  entitiesCreated: number;
  observationsAdded: number;
  relationsAdded: number;
  observationIds: string[];
}

/**
 * Writes a validated bureau/knowledge part into one scope (the task's
 * department, or org-wide for a task without one): its entities matched by
 * name and type in that scope or created there, its observations added
 * (a standing one of the same text is not repeated, so a part applied twice
 * adds nothing), its relations added once.
 */
export async function applyKnowledgePart(
  tx: Tx,
  changes: ChangeSet,
  part: KnowledgePart,
  departmentId: string | null,
  provenance: WriteProvenance,
): Promise<PartCounts> {
  const counts: PartCounts = { entitiesCreated: 0, observationsAdded: 0, relationsAdded: 0, observationIds: [] };
  const refs = new Map<string, EntityRef>();
  for (const spec of part.entities) {
    const entity = await ensureEntity(
      tx,
      changes,
      {
        name: spec.name,
        type: spec.type,
        aliases: [...new Set(spec.aliases ?? [])],
        summary: spec.summary ?? "",
        departmentId,
      },
      provenance.source,
    );
    if (entity.created) counts.entitiesCreated += 1;
    refs.set(partRefKey(spec), entity);
    for (const observation of spec.observations ?? []) {
      const row = await addObservationRow(
        tx,
        changes,
        entity,
        {
          text: observation.text,
          confidence: observation.confidence ?? 1,
          expiresAt: observation.expiresAt ? new Date(observation.expiresAt) : null,
        },
        provenance,
        { skipDuplicate: true },
      );
      if (row.added) {
        counts.observationsAdded += 1;
        counts.observationIds.push(row.id);
      }
    }
  }
  for (const relation of part.relations ?? []) {
    const from = refs.get(partRefKey(relation.from))!;
    const to = refs.get(partRefKey(relation.to))!;
    if (from.id === to.id) continue;
    const row = await addRelationRow(
      tx,
      changes,
      from,
      to,
      { type: relation.type, confidence: relation.confidence ?? 1 },
      provenance,
    );
    if (row.added) counts.relationsAdded += 1;
  }
  return counts;
}
