import "server-only";
import { db, type Tx } from "../../../db";
import type { TaskState } from "../../../generated/prisma/enums";

/**
 * The run's budget cap. An agent attempt reserves its listing's price on the
 * run (spentCredits) in the transaction that marks the step RUNNING, before
 * any task or hold exists, and only if the run stays within its cap: so
 * parallel steps can never together pass the cap, and a refused step never
 * placed a hold. When the task ends, the reservation becomes what the task
 * really cost (its price if it completed and was captured, else nothing).
 */
export async function reserveBudget(tx: Tx, runId: string, price: number): Promise<boolean> {
  if (price === 0) return true;
  const count = await tx.$executeRaw`
    UPDATE "WorkflowRun" SET "spentCredits" = "spentCredits" + ${price}, "updatedAt" = now()
    WHERE id = ${runId} AND ("budgetCapCredits" IS NULL OR "spentCredits" + ${price} <= "budgetCapCredits")`;
  return count === 1;
}

/**
 * Sets a step's cost to what its task really cost and moves the run's spend
 * by the difference. Idempotent (a second call moves nothing), and
 * independent of the step's state: a task that completed while the step was
 * being canceled was still paid for.
 */
export async function settleStepCost(stepRunId: string, runId: string, task: { state: TaskState; price: number }) {
  const actual = task.state === "COMPLETED" ? task.price : 0;
  await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<{ costCredits: number }[]>`
      SELECT "costCredits" FROM "WorkflowStepRun" WHERE id = ${stepRunId} FOR UPDATE`;
    if (!row || row.costCredits === actual) return;
    await tx.workflowStepRun.update({ where: { id: stepRunId }, data: { costCredits: actual } });
    await tx.$executeRaw`
      UPDATE "WorkflowRun" SET "spentCredits" = GREATEST(0, "spentCredits" + ${actual - row.costCredits}),
        "updatedAt" = now()
      WHERE id = ${runId}`;
  });
}

/** What a run's cap refusal says. */
export function overBudgetMessage(input: { price: number; spent: number; cap: number; listing: string }): string {
  return (
    `Refused before starting: ${input.listing} costs ${input.price} credits, which would take this run's spend ` +
    `from ${input.spent} to ${input.spent + input.price} credits, past its budget cap of ${input.cap}.`
  );
}
