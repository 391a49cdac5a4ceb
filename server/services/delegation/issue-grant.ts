import "server-only";
import type { Message } from "@a2a-js/sdk";
import { env } from "../../env";
import { signGrant } from "./grant-token";
import { loadGrantTask } from "./tree-budget";

/** The message metadata key a seller's agent finds its grant under. */
export const GRANT_METADATA_KEY = "bureau/delegation";
/** A grant never lives longer than this, however long its task may run. */
export const MAX_GRANT_TTL_MS = 60 * 60 * 1000;

/**
 * What a seller's agent gets with every message Bureau sends it: a bearer
 * token for Bureau's gateway (`Authorization: Bearer bdg_…`) that starts
 * child tasks of this task, billed to the buyer, and what it may spend.
 * `remainingCredits` is informational (the accept enforces the budget under
 * the wallet's lock); `depth` is this task's (a child is depth + 1, at most 5).
 */
export interface DelegationGrant {
  token: string;
  rootTaskId: string;
  taskId: string;
  remainingCredits: number;
  depth: number;
  /** ISO 8601: the task's deadline or an hour from now, whichever is first. */
  expiresAt: string;
}

/** The grant for the task's next message; null when the task is gone. One statement on the hot pool. */
export async function delegationGrantFor(taskId: string, now = Date.now()): Promise<DelegationGrant | null> {
  const task = await loadGrantTask(taskId);
  if (!task) return null;
  const deadline = task.createdAt.getTime() + env.TASK_TIMEOUT_MS;
  // Whole seconds, as the token carries it.
  const expiresAt = new Date(Math.floor(Math.min(deadline, now + MAX_GRANT_TTL_MS) / 1000) * 1000);
  return {
    token: signGrant({ taskId: task.id, rootTaskId: task.rootTaskId, orgId: task.orgId, depth: task.depth, expiresAt }),
    rootTaskId: task.rootTaskId,
    taskId: task.id,
    remainingCredits: Math.max(0, task.capCredits - task.spentCredits),
    depth: task.depth,
    expiresAt: expiresAt.toISOString(),
  };
}

/** The message with the grant in its metadata (beside whatever metadata it had). */
export function withDelegationGrant(message: Message, grant: DelegationGrant | null): Message {
  if (!grant) return message;
  return { ...message, metadata: { ...message.metadata, [GRANT_METADATA_KEY]: grant } };
}
