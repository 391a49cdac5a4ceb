import "server-only";
import { db } from "../../db";
import { departmentsAbove } from "./department-lineage";
import type { KnowledgeAccess } from "./knowledge-access";
import { SEARCH_QUERY_MAX_LENGTH } from "./knowledge-limits.types";
import { reciprocalRankFusion } from "./rank-fusion";
import { runSearchArms, type Arm, type Hit } from "./search-arms";

/** One fact as a task or a manager receives it: what, about whom, how sure, and where it came from. */
export interface RelevantObservation {
  observationId: string;
  entity: { id: string; name: string; type: string; departmentId: string | null };
  text: string;
  confidence: number;
  expiresAt: Date | null;
  provenance: {
    source: string;
    taskId: string | null;
    agentId: string | null;
    userId: string | null;
    workflowRunId: string | null;
    at: Date;
  };
  /** Fused rank score times confidence (comparable within one answer only). */
  score: number;
}

/** Observations per entity an entity-level hit (its name in the text) brings in, most confident and newest first. */
const PER_ENTITY = 3;
export const MAX_RELEVANT = 20;

/**
 * Contextual memory: the standing facts most relevant to `text` that a
 * task of `departmentId` may see (org-wide entities, and those of the
 * department and the departments above it; null: org-wide only; a
 * department of another org: org-wide only). Hybrid search at the level of
 * observations: passage arms rank facts directly, entity arms (a name
 * mentioned in the text) bring in that entity's best facts; ranks are fused
 * and weighted by confidence. Nothing expired, retracted or archived.
 *
 * For the lead: attach the answer to a department's task (knowledgeContextPart)
 * when its policy says attachContext, and read it when routing and planning.
 */
export async function relevantObservations(
  orgId: string,
  departmentId: string | null,
  text: string,
  limit = 5,
): Promise<RelevantObservation[]> {
  const query = text.trim().slice(0, SEARCH_QUERY_MAX_LENGTH);
  if (!query) return [];
  const read = new Set(departmentId ? await departmentsAbove(orgId, [departmentId]) : []);
  const access: KnowledgeAccess = {
    orgId,
    actor: { kind: "task", taskId: "context", agentId: "context", departmentId, workflowRunId: null },
    read,
    write: new Set(),
    canWrite: false,
    isAdmin: false,
  };
  const { hits } = await runSearchArms(access, query);
  const entityHits = [...new Set([...hits.name, ...hits.entityText, ...hits.entityTrigram].map((h) => h.entityId))];
  const expansion = await entityObservations(orgId, entityHits);
  const expand = (list: Hit[]) => list.flatMap((h) => expansion.get(h.entityId) ?? []);
  const lists: { arm: Arm; keys: string[] }[] = [
    ...(["observationText", "observationTrigram", "vector"] as const).map((arm) => ({
      arm,
      keys: hits[arm].map((h) => h.observationId!),
    })),
    ...(["name", "entityText", "entityTrigram"] as const).map((arm) => ({ arm, keys: expand(hits[arm]) })),
  ];
  const fused = reciprocalRankFusion(lists);
  if (fused.length === 0) return [];
  const rows = await db.knowledgeObservation.findMany({
    where: { orgId, id: { in: fused.map((f) => f.key) } },
    select: {
      id: true,
      text: true,
      confidence: true,
      expiresAt: true,
      source: true,
      taskId: true,
      agentId: true,
      userId: true,
      workflowRunId: true,
      createdAt: true,
      entity: { select: { id: true, name: true, type: true, departmentId: true } },
    },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return fused
    .flatMap((f) => {
      const row = byId.get(f.key);
      if (!row) return [];
      const { id, createdAt, source, taskId, agentId, userId, workflowRunId, entity, ...fact } = row;
      return [
        {
          observationId: id,
          entity,
          ...fact,
          provenance: { source, taskId, agentId, userId, workflowRunId, at: createdAt },
          score: f.score * row.confidence,
        },
      ];
    })
    .sort((a, b) => b.score - a.score)
    .slice(0, Math.min(Math.max(limit, 1), MAX_RELEVANT));
}

/** Each entity's standing observations, most confident and newest first, PER_ENTITY of them. */
async function entityObservations(orgId: string, entityIds: string[]): Promise<Map<string, string[]>> {
  if (entityIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ entityId: string; id: string }[]>`
    SELECT "entityId", id FROM (
      SELECT o."entityId", o.id,
        row_number() OVER (PARTITION BY o."entityId" ORDER BY o.confidence DESC, o."createdAt" DESC, o.id) AS n
      FROM "KnowledgeObservation" o
      WHERE o."orgId" = ${orgId} AND o."entityId" = ANY(${entityIds}::text[]) AND o."retractedAt" IS NULL
        AND (o."expiresAt" IS NULL OR o."expiresAt" > now())
    ) ranked WHERE n <= ${PER_ENTITY}
    ORDER BY "entityId", n`;
  const map = new Map<string, string[]>();
  for (const row of rows) map.set(row.entityId, [...(map.get(row.entityId) ?? []), row.id]);
  return map;
}

/**
 * The data part a department's task carries: exactly the facts attached,
 * with where each came from, so the task page can show what the agent was
 * told and the agent can weigh it.
 */
export function knowledgeContextPart(observations: readonly RelevantObservation[]) {
  return {
    kind: "data" as const,
    data: {
      type: "bureau/knowledge-context",
      version: 1,
      observations: observations.map((o) => ({
        id: o.observationId,
        entity: { id: o.entity.id, name: o.entity.name, type: o.entity.type },
        text: o.text,
        confidence: o.confidence,
        expiresAt: o.expiresAt?.toISOString() ?? null,
        source: o.provenance.source,
        taskId: o.provenance.taskId,
        recordedAt: o.provenance.at.toISOString(),
      })),
    },
  };
}
