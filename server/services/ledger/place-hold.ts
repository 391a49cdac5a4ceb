import "server-only";
import type { Tx } from "../../db";
import { enforceBudgets, recordBudgetAlerts, type BudgetCrossing } from "../budgets/enforce-budgets";
import { orgAccountId } from "./accounts";
import { InsufficientCreditsError } from "./errors";
import { lockAccounts } from "./lock-balance";
import { postTransfer } from "./post-transaction";

export interface PlaceHoldInput {
  orgId: string;
  taskId: string;
  amount: number;
  departmentId?: string | null;
  /**
   * The task row was inserted by the caller's own transaction, so it cannot
   * have a hold yet: skips the replay check.
   */
  newTask?: boolean;
}

/**
 * Reserves a task's price: wallet -> org holds, key "hold:<taskId>". Runs
 * inside the caller's transaction (the one inserting the Task row); call it
 * last there, since the wallet lock it takes is held until commit. The
 * wallet row lock serialises concurrent holds of one org, so the balance and
 * budget checks below see every earlier hold and a wallet is never
 * overdrawn. Throws InsufficientCreditsError or BudgetExceededError (both
 * DomainErrors); the caller's transaction then writes nothing.
 *
 * Resolves to the budget crossings this hold claimed. The caller sends them
 * with sendBudgetAlerts AFTER its transaction commits (never from inside it,
 * where a rollback would leave an alert about a hold that never existed).
 */
export async function placeHold(tx: Tx, input: PlaceHoldInput): Promise<{ crossings: BudgetCrossing[] }> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
    throw new RangeError("A hold must be a positive whole number of credits.");
  }
  const wallet = await orgAccountId(tx, input.orgId, "ORG_WALLET");
  const holds = await orgAccountId(tx, input.orgId, "ORG_HOLDS");
  // Both accounts the hold moves, in id order (see lockAccounts); from here to
  // commit every other hold, capture and release of this org waits.
  const balance = (await lockAccounts(tx, [wallet, holds])).get(wallet)!;

  if (!input.newTask) {
    const existing = await tx.creditHold.findUnique({ where: { taskId: input.taskId }, select: { id: true } });
    if (existing) return { crossings: [] };
  }
  if (balance < input.amount) throw new InsufficientCreditsError(balance, input.amount);

  const now = new Date();
  const departmentId = input.departmentId ?? null;
  const alerts = await enforceBudgets(tx, { orgId: input.orgId, departmentId, amount: input.amount, now });

  await postTransfer(
    tx,
    { key: `hold:${input.taskId}`, kind: "hold", orgId: input.orgId, from: wallet, to: holds, amount: input.amount },
    { accountsLocked: true },
  );
  await tx.creditHold.create({
    data: { orgId: input.orgId, taskId: input.taskId, amount: input.amount, departmentId },
  });
  return { crossings: await recordBudgetAlerts(tx, alerts, now) };
}
