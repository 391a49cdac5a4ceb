import "server-only";
import { isTerminal } from "../../a2a/bureau-format";
import { GRANT_PREFIX, verifyGrant } from "./grant-token";
import { loadGrantTask } from "./tree-budget";

/** A grant the gateway accepted: the task it was given to, that task's tree, and the org it bills. */
export interface VerifiedGrant {
  taskId: string;
  rootTaskId: string;
  orgId: string;
  depth: number;
  /** The agent of the grant's task: the one delegating. */
  agentId: string;
  /** The root's delegated budget, as the accept is to check it (tree-budget.ts). */
  capCredits: number;
  expiresAt: Date;
}

export type GrantAuthResult = { ok: true; grant: VerifiedGrant } | { ok: false; message: string };

/** Whether an Authorization header carries a delegation grant rather than an org API key. */
export const isGrantAuthorization = (authorization: string | null): authorization is string =>
  authorization?.trim().startsWith(`Bearer ${GRANT_PREFIX}`) === true;

/**
 * Resolves `Authorization: Bearer bdg_…`: the signature and expiry first
 * (no query for a forged or stale token), then the task it was given to,
 * which must still be running in the org the token names, at the place in
 * its tree the token names. Whatever fails gets a sentence the agent's
 * developer can act on; none of them tells a forged token from a stale one.
 */
export async function authenticateGrant(authorization: string, now = Date.now()): Promise<GrantAuthResult> {
  const token = authorization.trim().slice("Bearer ".length);
  const verified = verifyGrant(token, now);
  if (!verified.ok)
    return {
      ok: false,
      message:
        verified.reason === "expired"
          ? "This delegation grant has expired. Use the grant that came with the latest message of your task."
          : "This delegation grant is not valid. Send the token from the bureau/delegation metadata unchanged.",
    };
  const { claims } = verified;
  const task = await loadGrantTask(claims.taskId, claims.orgId);
  if (!task || task.rootTaskId !== claims.rootTaskId || task.depth !== claims.depth)
    return {
      ok: false,
      message: "This delegation grant is not valid. Send the token from the bureau/delegation metadata unchanged.",
    };
  if (isTerminal(task.state) || task.cancelRequested) {
    const how = isTerminal(task.state) ? "ended" : "been canceled";
    return {
      ok: false,
      message: `The task this delegation grant was given to has ${how}; its grant starts nothing more.`,
    };
  }
  return {
    ok: true,
    grant: {
      taskId: task.id,
      rootTaskId: task.rootTaskId,
      orgId: task.orgId,
      depth: task.depth,
      agentId: task.agentId,
      capCredits: task.capCredits,
      expiresAt: claims.expiresAt,
    },
  };
}
