import "server-only";
import { createAgentClient } from "../../a2a/agent-client";
import { isTerminal } from "../../a2a/bureau-format";
import { db } from "../../db";
import { DomainError, isDomainError } from "../../errors";
import { logger } from "../../logger";
import { dispatchTaskEvent } from "./dispatch";
import { ACTIVE_STATES, transitionTask } from "./transitions";

/**
 * A buyer asks to cancel: recorded at once (the running turn stops at its
 * next event), then task/cancel.requested does the rest durably.
 */
export async function requestCancel({ orgId, taskId }: { orgId: string; taskId: string }): Promise<void> {
  const task = await db.task.findFirst({ where: { id: taskId, orgId }, select: { state: true } });
  if (!task) throw new DomainError("task_not_found", "Task not found.");
  if (isTerminal(task.state))
    throw new DomainError("already_finished", `The task already ended (${task.state.toLowerCase()}).`);
  await db.task.updateMany({
    where: { id: taskId, orgId, cancelRequestedAt: null },
    data: { cancelRequestedAt: new Date() },
  });
  await dispatchTaskEvent({ name: "task/cancel.requested", id: `cancel:${taskId}`, data: { taskId } });
}

/** Forwards the cancel to the seller's agent (best effort) and marks the task canceled. */
export async function cancelAtAgent({ taskId }: { taskId: string }): Promise<{ canceled: boolean }> {
  const task = await db.task.findUnique({
    where: { id: taskId },
    select: {
      orgId: true,
      remoteTaskId: true,
      agent: {
        select: { endpointUrl: true, versions: { orderBy: { version: "desc" }, take: 1, select: { card: true } } },
      },
    },
  });
  if (!task) return { canceled: false };
  // Children a seller's agent started with its grant stop with it (each, in turn, stops its own).
  const children = await db.task.findMany({
    where: { parentTaskId: taskId, orgId: task.orgId, state: { in: ACTIVE_STATES }, cancelRequestedAt: null },
    select: { id: true },
  });
  for (const child of children)
    await requestCancel({ orgId: task.orgId, taskId: child.id }).catch((error: unknown) => {
      if (!isDomainError(error) || error.code !== "already_finished") throw error;
    });
  if (task.remoteTaskId) {
    try {
      const { client } = await createAgentClient({
        endpointUrl: task.agent.endpointUrl,
        card: task.agent.versions[0]?.card,
      });
      await client.cancelTask(
        { tenant: "", id: task.remoteTaskId, metadata: undefined },
        { signal: AbortSignal.timeout(10_000) },
      );
    } catch (error) {
      // The buyer's cancel stands even if the agent cannot be told.
      logger.warn({ err: error, taskId }, "agent did not accept the cancel");
    }
  }
  const canceled = await transitionTask({
    taskId,
    to: "CANCELED",
    from: ACTIVE_STATES,
    statusText: "Canceled by the buyer.",
    actor: { kind: "system", id: "buyer-cancel" },
  });
  return { canceled };
}
