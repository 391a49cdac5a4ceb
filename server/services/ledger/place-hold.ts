import "server-only";
import type { Tx } from "../../db";
import {
  budgetScopes,
  enforceBudgets,
  recordBudgetAlerts,
  type BudgetCrossing,
  type BudgetRow,
} from "../budgets/enforce-budgets";
import { orgAccountId } from "./accounts";
import { InsufficientCreditsError } from "./errors";
import { postTransfer } from "./post-transaction";

type BudgetJson = Omit<BudgetRow, "alertedAt"> & { alertedAtMs: number | null };

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
export async function placeHold(
  tx: Tx,
  input: PlaceHoldInput,
): Promise<{ crossings: BudgetCrossing[]; holdId: string | null }> {
  if (!Number.isSafeInteger(input.amount) || input.amount <= 0) {
    throw new RangeError("A hold must be a positive whole number of credits.");
  }
  const wallet = await orgAccountId(tx, input.orgId, "ORG_WALLET");
  const holds = await orgAccountId(tx, input.orgId, "ORG_HOLDS");
  // Both accounts the hold moves, in id order (see lockAccounts), and the
  // budgets in scope, in one statement; from here to commit every other
  // hold, capture and release of this org waits.
  const departmentId = input.departmentId ?? null;
  const locked = await tx.$queryRaw<{ id: string; balance: number; budgets: BudgetJson[] | null }[]>`
    SELECT a.id, a.balance,
           CASE WHEN a.id = ${wallet} THEN (
             SELECT coalesce(json_agg(json_build_object(
               'id', b.id, 'scope', b.scope, 'departmentId', b."departmentId",
               'monthlyCapCredits', b."monthlyCapCredits",
               -- epoch ms: the column is UTC without a zone, which JSON text would leave ambiguous
               'alertedAtMs', (extract(epoch FROM b."alertedAt") * 1000)::bigint)), '[]'::json)
             FROM "Budget" b WHERE b."orgId" = ${input.orgId} AND b.scope = ANY(${budgetScopes(departmentId)}::text[])
           ) END AS budgets
    FROM "LedgerAccount" a WHERE a.id = ANY(${[wallet, holds].sort()}::text[])
    ORDER BY a.id FOR UPDATE OF a`;
  const walletRow = locked.find((row) => row.id === wallet);
  if (!walletRow || locked.length !== 2) throw new Error(`Ledger accounts of org ${input.orgId} are missing.`);
  const balance = Number(walletRow.balance);
  const budgets = (walletRow.budgets ?? []).map(({ alertedAtMs, ...b }) => ({
    ...b,
    alertedAt: alertedAtMs === null ? null : new Date(Number(alertedAtMs)),
  }));

  if (!input.newTask) {
    const existing = await tx.creditHold.findUnique({ where: { taskId: input.taskId }, select: { id: true } });
    if (existing) return { crossings: [], holdId: null };
  }
  if (balance < input.amount) throw new InsufficientCreditsError(balance, input.amount);

  const now = new Date();
  const alerts = await enforceBudgets(tx, { orgId: input.orgId, departmentId, amount: input.amount, now, budgets });

  await postTransfer(
    tx,
    { key: `hold:${input.taskId}`, kind: "hold", orgId: input.orgId, from: wallet, to: holds, amount: input.amount },
    { accountsLocked: true },
  );
  const holdId = crypto.randomUUID();
  await tx.$executeRaw`
    INSERT INTO "CreditHold" (id, "orgId", "taskId", amount, "departmentId", "updatedAt")
    VALUES (${holdId}, ${input.orgId}, ${input.taskId}, ${input.amount}, ${departmentId}, ${now})`;
  return { crossings: await recordBudgetAlerts(tx, alerts, now), holdId };
}
