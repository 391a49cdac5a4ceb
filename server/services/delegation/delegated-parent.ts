import "server-only";
import { db } from "../../db";
import { DomainError } from "../../errors";
import { ancestorAgentIds, MAX_DELEGATION_DEPTH } from "./tree-budget";
import type { VerifiedGrant } from "./verify-grant";

/** What startTask takes as `parent` for a child started with a grant. */
export interface DelegatedParent {
  taskId: string;
  rootTaskId: string;
  depth: number;
  treeCapCredits: number | null;
}

/**
 * The tree a new child of the grant's task joins, once the rules allow it:
 * at most MAX_DELEGATION_DEPTH below its root, and never an agent already on
 * its way up (the grant's own agent included), which would let two agents
 * bill each other in a loop. The budget is left to the accept, which counts
 * the tree's holds under the wallet's lock (treeCapCredits).
 */
export async function delegatedParent(grant: VerifiedGrant, targetAgentId: string): Promise<DelegatedParent> {
  if (grant.depth + 1 > MAX_DELEGATION_DEPTH)
    throw new DomainError(
      "delegation_depth_exceeded",
      `A delegation chain is at most ${MAX_DELEGATION_DEPTH} tasks deep below its first task; this task is at depth ` +
        `${grant.depth}, so it cannot delegate further. Do the work itself or answer with what you have.`,
      { maxDepth: MAX_DELEGATION_DEPTH, depth: grant.depth },
    );
  if ((await ancestorAgentIds(grant.taskId)).includes(targetAgentId)) {
    const agent = await db.agent.findUnique({ where: { id: targetAgentId }, select: { name: true } });
    throw new DomainError(
      "delegation_cycle",
      `${agent?.name ?? "This agent"} is already working on this request further up the delegation chain; ` +
        "delegating to it again would make a cycle.",
    );
  }
  return { taskId: grant.taskId, rootTaskId: grant.rootTaskId, depth: grant.depth, treeCapCredits: grant.capCredits };
}

/**
 * Whether the task is one the grant's task started (a child of it, in the
 * grant's org): all a grant may read, follow, answer or cancel.
 */
export async function isGrantChild(grant: VerifiedGrant, taskId: string): Promise<boolean> {
  const child = await db.task.findFirst({
    where: { id: taskId, orgId: grant.orgId, parentTaskId: grant.taskId },
    select: { id: true },
  });
  return child !== null;
}
