import "server-only";
import { db } from "../../db";
import type { KnowledgeSource } from "../../generated/prisma/enums";

/**
 * The knowledge graph as the doors show it: entities with their department,
 * observations and relations with their provenance resolved to names (who
 * wrote it, through which task, agent, key or workflow run, and when).
 */

export interface DepartmentRef {
  id: string;
  name: string;
  slug: string;
}

export interface EntitySummary {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  summary: string;
  /** Null: org-wide. */
  department: DepartmentRef | null;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

export interface ProvenanceView {
  source: KnowledgeSource;
  user: { id: string; name: string; email: string } | null;
  apiKey: { id: string; name: string } | null;
  taskId: string | null;
  agent: { id: string; name: string; slug: string } | null;
  workflowRunId: string | null;
  artifactId: string | null;
  at: Date;
}

export interface ObservationView {
  id: string;
  entityId: string;
  text: string;
  confidence: number;
  expiresAt: Date | null;
  retractedAt: Date | null;
  provenance: ProvenanceView;
}

/** The provenance columns observations and relations share. */
export interface ProvenanceRow {
  source: KnowledgeSource;
  userId: string | null;
  apiKeyId: string | null;
  taskId: string | null;
  agentId: string | null;
  workflowRunId: string | null;
  artifactId?: string | null;
  createdAt: Date;
}

export const ENTITY_COLUMNS = {
  id: true,
  name: true,
  type: true,
  aliases: true,
  summary: true,
  departmentId: true,
  archivedAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

export const PROVENANCE_COLUMNS = {
  source: true,
  userId: true,
  apiKeyId: true,
  taskId: true,
  agentId: true,
  workflowRunId: true,
  createdAt: true,
} as const;

export const OBSERVATION_COLUMNS = {
  ...PROVENANCE_COLUMNS,
  id: true,
  entityId: true,
  text: true,
  confidence: true,
  expiresAt: true,
  retractedAt: true,
  artifactId: true,
} as const;

type EntityRow = {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  summary: string;
  departmentId: string | null;
  archivedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

/** The org's departments by id (archived ones too: their knowledge outlives them). */
export async function departmentRefs(orgId: string, ids: Iterable<string | null>): Promise<Map<string, DepartmentRef>> {
  const wanted = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (wanted.length === 0) return new Map();
  const rows = await db.department.findMany({
    where: { orgId, id: { in: wanted } },
    select: { id: true, name: true, slug: true },
  });
  return new Map(rows.map((d) => [d.id, d]));
}

export async function entitySummaries(orgId: string, rows: readonly EntityRow[]): Promise<EntitySummary[]> {
  const departments = await departmentRefs(
    orgId,
    rows.map((r) => r.departmentId),
  );
  return rows.map(({ departmentId, ...row }) => ({
    ...row,
    department: departmentId ? (departments.get(departmentId) ?? null) : null,
  }));
}

/** Names for the ids in a batch of provenance rows: one query per kind, none for kinds absent. */
export async function provenanceViews(orgId: string, rows: readonly ProvenanceRow[]): Promise<ProvenanceView[]> {
  const ids = (pick: (r: ProvenanceRow) => string | null) => [
    ...new Set(rows.map(pick).filter((id): id is string => id !== null)),
  ];
  const userIds = ids((r) => r.userId);
  const agentIds = ids((r) => r.agentId);
  const keyIds = ids((r) => r.apiKeyId);
  const [users, agents, keys] = await Promise.all([
    userIds.length
      ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } })
      : [],
    agentIds.length
      ? db.agent.findMany({ where: { id: { in: agentIds } }, select: { id: true, name: true, slug: true } })
      : [],
    keyIds.length
      ? db.apikey.findMany({ where: { id: { in: keyIds }, referenceId: orgId }, select: { id: true, name: true } })
      : [],
  ]);
  const userById = new Map(users.map((u) => [u.id, u]));
  const agentById = new Map(agents.map((a) => [a.id, a]));
  const keyById = new Map(keys.map((k) => [k.id, { id: k.id, name: k.name ?? "API key" }]));
  return rows.map((r) => ({
    source: r.source,
    user: r.userId ? (userById.get(r.userId) ?? null) : null,
    apiKey: r.apiKeyId ? (keyById.get(r.apiKeyId) ?? { id: r.apiKeyId, name: "A revoked key" }) : null,
    taskId: r.taskId,
    agent: r.agentId ? (agentById.get(r.agentId) ?? null) : null,
    workflowRunId: r.workflowRunId,
    artifactId: r.artifactId ?? null,
    at: r.createdAt,
  }));
}

type ObservationRow = ProvenanceRow & {
  id: string;
  entityId: string;
  text: string;
  confidence: number;
  expiresAt: Date | null;
  retractedAt: Date | null;
  artifactId: string | null;
};

export async function observationViews(orgId: string, rows: readonly ObservationRow[]): Promise<ObservationView[]> {
  const provenance = await provenanceViews(orgId, rows);
  return rows.map((r, i) => ({
    id: r.id,
    entityId: r.entityId,
    text: r.text,
    confidence: r.confidence,
    expiresAt: r.expiresAt,
    retractedAt: r.retractedAt,
    provenance: provenance[i]!,
  }));
}
