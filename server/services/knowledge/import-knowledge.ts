import "server-only";
import { db, type Tx } from "../../db";
import { DomainError } from "../../errors";
import { eventTransaction } from "../events/event-transaction";
import { recordEvent } from "../events/record-event";
import { embedObservations } from "./embeddings";
import {
  addObservationRow,
  addRelationRow,
  commitChanges,
  ensureEntity,
  newChangeSet,
  noteRevision,
  scopeKeyOf,
  type ChangeSet,
  type EntityRef,
} from "./graph-writes";
import { eventActorOf, inReach, knowledgeAccess, type KnowledgeActor } from "./knowledge-access";
import { documentRefKey, ZKnowledgeDocumentSchema } from "./knowledge-document.types";
import { nameKeyOf } from "./knowledge-limits.types";
import { provenanceOf } from "./knowledge-rules";

export interface ImportCounts {
  entitiesCreated: number;
  entitiesUpdated: number;
  observationsAdded: number;
  relationsAdded: number;
}

/** An import of the largest file allowed takes a while; the default transaction timeout is for forms. */
const IMPORT_TIMEOUT_MS = 120_000;

function invalid(error: { issues: { path: PropertyKey[]; message: string }[] }): never {
  const issue = error.issues[0];
  const at = issue?.path.length ? ` (at ${issue.path.map(String).join(".")})` : "";
  throw new DomainError("invalid_input", `${issue?.message ?? "This file is not a knowledge export."}${at}`);
}

/**
 * Imports a knowledge document (an export of this or another org): checked
 * whole before anything is written (its schema, every department slug known
 * and writable by the member, every relation's ends in the file or already
 * here), then written in one transaction. Idempotent by entity name and
 * type in each scope: an entity already here is reused (new aliases added,
 * an empty summary filled), an observation it already has is not repeated,
 * a relation it already has is kept. Each entity's history records the
 * import; the org log records one knowledge.imported event.
 */
export async function importKnowledge(input: {
  orgId: string;
  actor: KnowledgeActor;
  document: unknown;
}): Promise<ImportCounts> {
  const access = await knowledgeAccess(input.orgId, input.actor, "write");
  const parsed = ZKnowledgeDocumentSchema.safeParse(input.document);
  if (!parsed.success) invalid(parsed.error);
  const doc = parsed.data;
  const slugs = [
    ...new Set(
      [
        ...doc.entities.map((e) => e.department),
        ...doc.relations.flatMap((r) => [r.from.department, r.to.department]),
      ].filter((s): s is string => s !== null),
    ),
  ];
  const departments = slugs.length
    ? await db.department.findMany({
        where: { orgId: input.orgId, slug: { in: slugs } },
        select: { id: true, slug: true },
      })
    : [];
  const idOfSlug = new Map(departments.map((d) => [d.slug, d.id]));
  const unknown = slugs.filter((s) => !idOfSlug.has(s) || !inReach(access, idOfSlug.get(s)!, "read"));
  if (unknown.length)
    throw new DomainError(
      "invalid_input",
      `This organization has no department ${unknown.map((s) => `“${s}”`).join(", ")}.`,
    );
  const closed = doc.entities
    .map((e) => e.department)
    .filter((s): s is string => s !== null && !inReach(access, idOfSlug.get(s)!, "write"));
  if (closed.length)
    throw new DomainError(
      "forbidden",
      `You cannot add to the knowledge of ${[...new Set(closed)].map((s) => `“${s}”`).join(", ")}.`,
    );
  const departmentOf = (slug: string | null) => (slug === null ? null : idOfSlug.get(slug)!);
  const provenance = provenanceOf(input.actor, "IMPORT");

  const { counts, observationIds } = await eventTransaction(
    async (tx) => {
      const changes = newChangeSet(input.orgId, eventActorOf(input.actor));
      const counts: ImportCounts = { entitiesCreated: 0, entitiesUpdated: 0, observationsAdded: 0, relationsAdded: 0 };
      const observationIds: string[] = [];
      const refs = new Map<string, EntityRef>();
      for (const spec of doc.entities) {
        const departmentId = departmentOf(spec.department);
        const aliases = [...new Set(spec.aliases)];
        const entity = await ensureEntity(tx, changes, { ...spec, aliases, departmentId }, "IMPORT");
        refs.set(documentRefKey(spec), entity);
        if (entity.created) counts.entitiesCreated += 1;
        else if (await mergeInto(tx, changes, entity.id, aliases, spec.summary)) counts.entitiesUpdated += 1;
        for (const observation of spec.observations) {
          const expiresAt = observation.expiresAt ? new Date(observation.expiresAt) : null;
          const row = await addObservationRow(
            tx,
            changes,
            entity,
            { text: observation.text, confidence: observation.confidence, expiresAt },
            provenance,
            { skipDuplicate: true },
          );
          if (row.added) {
            counts.observationsAdded += 1;
            observationIds.push(row.id);
          }
        }
      }
      for (const [i, relation] of doc.relations.entries()) {
        const resolve = async (ref: (typeof relation)["from"]): Promise<EntityRef> => {
          const known = refs.get(documentRefKey(ref));
          if (known) return known;
          const departmentId = departmentOf(ref.department);
          const here = await tx.knowledgeEntity.findUnique({
            where: {
              orgId_scopeKey_type_nameKey: {
                orgId: input.orgId,
                scopeKey: scopeKeyOf(departmentId),
                type: ref.type,
                nameKey: nameKeyOf(ref.name),
              },
            },
            select: { id: true, departmentId: true },
          });
          if (!here)
            throw new DomainError(
              "invalid_input",
              `Relation ${i + 1} names ${ref.type} “${ref.name}”, which is neither in the file nor here.`,
            );
          return here;
        };
        const from = await resolve(relation.from);
        const to = await resolve(relation.to);
        if (from.id === to.id) continue;
        if (!inReach(access, from.departmentId, "write"))
          throw new DomainError("forbidden", `Relation ${i + 1} starts at an entity you cannot change.`);
        const row = await addRelationRow(
          tx,
          changes,
          from,
          to,
          { type: relation.type, confidence: relation.confidence },
          provenance,
        );
        if (row.added) counts.relationsAdded += 1;
      }
      // One summary event rather than one per row: an import can write thousands.
      changes.events = [];
      await commitChanges(tx, changes);
      await recordEvent(tx, {
        orgId: input.orgId,
        type: "knowledge.imported",
        subject: { type: "knowledge_import", id: crypto.randomUUID() },
        actor: changes.actor,
        data: counts,
      });
      return { counts, observationIds };
    },
    { timeout: IMPORT_TIMEOUT_MS },
  );
  await embedObservations(input.orgId, observationIds);
  return counts;
}

/** Adds the file's new aliases to an entity already here and fills an empty summary; true when it changed. */
async function mergeInto(
  tx: Tx,
  changes: ChangeSet,
  entityId: string,
  aliases: string[],
  summary: string,
): Promise<boolean> {
  const current = await tx.knowledgeEntity.findUniqueOrThrow({
    where: { id: entityId },
    select: { name: true, type: true, aliases: true, summary: true },
  });
  const known = new Set(current.aliases.map(nameKeyOf));
  const added = aliases.filter((a) => !known.has(nameKeyOf(a)));
  const fill = current.summary === "" && summary !== "";
  if (added.length === 0 && !fill) return false;
  const next = { aliases: [...current.aliases, ...added], summary: fill ? summary : current.summary };
  await tx.knowledgeEntity.update({
    where: { id: entityId },
    data: { ...next, searchText: [current.name, ...next.aliases, current.type, next.summary].join(" ") },
  });
  noteRevision(changes, entityId, "entity.updated", {
    ...(added.length ? { aliases: { from: current.aliases, to: next.aliases } } : {}),
    ...(fill ? { summary: { from: "", to: summary } } : {}),
    via: "import",
  });
  return true;
}
