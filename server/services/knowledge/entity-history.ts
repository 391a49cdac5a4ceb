import "server-only";
import { db } from "../../db";
import { knowledgeAccess, type KnowledgeActor } from "./knowledge-access";
import { reachableEntity } from "./knowledge-rules";

export interface RevisionView {
  id: string;
  action: string;
  actor: { kind: string; id: string | null; name: string | null };
  changes: unknown;
  at: Date;
}

const PAGE = 50;

/**
 * Who changed what on an entity, newest first, a page at a time (`before`:
 * the last revision id of the previous page). Names are resolved for
 * members, agents and keys; a workflow run is named by its id.
 */
export async function entityHistory(input: {
  orgId: string;
  actor: KnowledgeActor;
  entityId: string;
  before?: string | null;
}): Promise<{ items: RevisionView[]; nextBefore: string | null }> {
  const access = await knowledgeAccess(input.orgId, input.actor, "read");
  const entity = await reachableEntity(access, input.entityId, "read");
  const rows = await db.knowledgeRevision.findMany({
    where: {
      orgId: input.orgId,
      entityId: entity.id,
      ...(input.before ? { id: { lt: BigInt(input.before) } } : {}),
    },
    orderBy: { id: "desc" },
    take: PAGE + 1,
  });
  const page = rows.slice(0, PAGE);
  const idsOf = (kind: string) => [
    ...new Set(page.filter((r) => r.actorKind === kind && r.actorId).map((r) => r.actorId!)),
  ];
  const [users, agents, keys] = await Promise.all([
    db.user.findMany({ where: { id: { in: idsOf("user") } }, select: { id: true, name: true } }),
    db.agent.findMany({ where: { id: { in: idsOf("agent") } }, select: { id: true, name: true } }),
    db.apikey.findMany({
      where: { id: { in: idsOf("apiKey") }, referenceId: input.orgId },
      select: { id: true, name: true },
    }),
  ]);
  const names = new Map<string, string | null>([
    ...users.map((u) => [`user:${u.id}`, u.name] as const),
    ...agents.map((a) => [`agent:${a.id}`, a.name] as const),
    ...keys.map((k) => [`apiKey:${k.id}`, k.name] as const),
  ]);
  return {
    items: page.map((r) => ({
      id: r.id.toString(),
      action: r.action,
      actor: { kind: r.actorKind, id: r.actorId, name: names.get(`${r.actorKind}:${r.actorId}`) ?? null },
      changes: r.changes,
      at: r.createdAt,
    })),
    nextBefore: rows.length > PAGE ? page.at(-1)!.id.toString() : null,
  };
}
