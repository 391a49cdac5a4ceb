import "server-only";
import { db } from "../../db";
import type { KnowledgeProposalState } from "../../generated/prisma/enums";
import { inReach, knowledgeAccess, type KnowledgeActor } from "./knowledge-access";
import { ZKnowledgePartSchema, type KnowledgePart } from "./knowledge-part.types";
import { departmentRefs, type DepartmentRef } from "./knowledge-views";

export interface ProposalView {
  id: string;
  state: KnowledgeProposalState;
  department: DepartmentRef | null;
  taskId: string;
  agent: { id: string; name: string; slug: string } | null;
  workflowRunId: string | null;
  part: KnowledgePart;
  /** The caller may accept or reject it. */
  canDecide: boolean;
  decidedBy: { id: string; name: string } | null;
  decidedAt: Date | null;
  comment: string | null;
  createdAt: Date;
}

/**
 * Agents' parts in the actor's reach, newest first: those waiting for review
 * (state PENDING, the default) or decided ones. A proposal of a department
 * the member cannot see is not listed.
 */
export async function listProposals(input: {
  orgId: string;
  actor: KnowledgeActor;
  state?: KnowledgeProposalState;
  limit?: number;
}): Promise<ProposalView[]> {
  const access = await knowledgeAccess(input.orgId, input.actor, "read");
  const read = access.read === null ? null : [...access.read];
  const rows = await db.knowledgeProposal.findMany({
    where: {
      orgId: input.orgId,
      state: input.state ?? "PENDING",
      ...(read === null ? {} : { OR: [{ departmentId: null }, { departmentId: { in: read } }] }),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: Math.min(Math.max(input.limit ?? 50, 1), 100),
  });
  const agentIds = [...new Set(rows.map((r) => r.agentId))];
  const userIds = [...new Set(rows.flatMap((r) => (r.decidedById ? [r.decidedById] : [])))];
  const [departments, agents, users] = await Promise.all([
    departmentRefs(
      input.orgId,
      rows.map((r) => r.departmentId),
    ),
    db.agent.findMany({ where: { id: { in: agentIds } }, select: { id: true, name: true, slug: true } }),
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
  ]);
  const agentById = new Map(agents.map((a) => [a.id, a]));
  const userById = new Map(users.map((u) => [u.id, u]));
  return rows.flatMap((r) => {
    const part = ZKnowledgePartSchema.safeParse(r.data);
    if (!part.success) return [];
    const canDecide =
      r.state === "PENDING" &&
      access.canWrite &&
      (r.departmentId === null ? access.isAdmin : inReach(access, r.departmentId, "write"));
    return [
      {
        id: r.id,
        state: r.state,
        department: r.departmentId ? (departments.get(r.departmentId) ?? null) : null,
        taskId: r.taskId,
        agent: agentById.get(r.agentId) ?? null,
        workflowRunId: r.workflowRunId,
        part: part.data,
        canDecide,
        decidedBy: r.decidedById ? (userById.get(r.decidedById) ?? null) : null,
        decidedAt: r.decidedAt,
        comment: r.comment,
        createdAt: r.createdAt,
      },
    ];
  });
}
