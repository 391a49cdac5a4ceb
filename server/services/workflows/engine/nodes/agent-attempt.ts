import "server-only";
import type { WorkflowStepState } from "../../../../generated/prisma/enums";
import type { NodeOf } from "../../../../schemas/workflow-graph";
import type { NodeContext } from "../node-context";
import { fail, stepError } from "../node-context";
import { writeStep } from "../step-rows";

/**
 * An agent row's bookkeeping while it has not ended (its data until it
 * succeeds): the first attempt of this execution, so a retried run gets the
 * policy's attempts again, and when the next attempt is due.
 */
export interface AttemptState {
  firstAttempt: number;
  retryAt?: string;
}

export function attemptState(data: unknown): AttemptState | null {
  const value = data as Partial<AttemptState> | null;
  return value && typeof value.firstAttempt === "number"
    ? { firstAttempt: value.firstAttempt, retryAt: value.retryAt }
    : null;
}

/** When a waiting agent row's next attempt is due, or null if it is not waiting on its retry policy. */
export function retryDueAt(state: WorkflowStepState, data: unknown): Date | null {
  const retryAt = state === "WAITING" ? attemptState(data)?.retryAt : undefined;
  return retryAt ? new Date(retryAt) : null;
}

/**
 * An attempt failed (the agent failed or refused the task, or the task could
 * not start): wait for the next one if the retry policy has attempts left
 * (WAITING with retryAt: the run function sleeps durably between waves, never
 * inside a step), else the step fails.
 */
export async function attemptFailed(
  ctx: NodeContext<NodeOf<"agent">>,
  attempt: number,
  firstAttempt: number,
  message: string,
): Promise<void> {
  const { maxAttempts, backoffSeconds } = ctx.node.config.retry;
  const used = attempt - firstAttempt + 1;
  if (used >= maxAttempts) {
    const tries = maxAttempts > 1 ? ` (after ${used} attempts)` : "";
    await fail(ctx, { message: `${message}${tries}`, attempt }, ["RUNNING"]);
    return;
  }
  const waitSeconds = backoffSeconds * 2 ** (used - 1);
  const retryAt = new Date(Date.now() + waitSeconds * 1000).toISOString();
  await writeStep(ctx.run, ctx.at, {
    to: "WAITING",
    from: ["RUNNING"],
    data: { firstAttempt, retryAt } satisfies AttemptState,
    error: stepError(ctx, { message: `Attempt ${used} of ${maxAttempts} failed: ${message}`, attempt }),
  });
}
