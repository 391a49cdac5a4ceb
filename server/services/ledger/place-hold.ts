import "server-only";
import type { Tx } from "../../db";
import { ALERT_PERCENT, recordBudgetAlerts, type BudgetAlert, type BudgetCrossing } from "../budgets/enforce-budgets";
import { DomainError } from "../../errors";
import { BudgetExceededError, InsufficientCreditsError } from "./errors";

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

/** What bureau_check_hold says of a hold it refused (the migration task_hot_path_functions). */
export type HoldRefusal =
  | { refused: "insufficient_credits"; balance: number; amount: number }
  | {
      refused: "budget_exceeded";
      scope: "org" | "department";
      capCredits: number;
      spentCredits: number;
      amount: number;
      /** The department whose cap it is (the task's own or an ancestor's); null for the org's cap. */
      departmentId?: string | null;
      departmentName?: string | null;
    }
  /** The hired position's per-task ceiling is below the agent's price. */
  | { refused: "position_ceiling"; capCredits: number; amount: number }
  /** The task tree's delegated budget (a delegation grant's) has too little left. */
  | { refused: "delegation_budget_exceeded"; capCredits: number; spentCredits: number; amount: number };

/** The ledger's refusal as the DomainError every door maps. */
export function holdRefusalError(refusal: HoldRefusal): DomainError {
  switch (refusal.refused) {
    case "insufficient_credits":
      return new InsufficientCreditsError(refusal.balance, refusal.amount);
    case "budget_exceeded":
      return new BudgetExceededError(refusal.scope, refusal.capCredits, refusal.spentCredits, refusal.amount, {
        id: refusal.departmentId ?? null,
        name: refusal.departmentName ?? null,
      });
    case "position_ceiling":
      return new DomainError(
        "position_ceiling",
        `This agent's price (${refusal.amount} credits) is above the position's per-task ceiling of ` +
          `${refusal.capCredits} credits. An admin can raise the ceiling on the position.`,
        { capCredits: refusal.capCredits, amount: refusal.amount },
      );
    case "delegation_budget_exceeded": {
      const left = Math.max(0, refusal.capCredits - refusal.spentCredits);
      return new DomainError(
        "delegation_budget_exceeded",
        `This delegated task (${refusal.amount} credits) would exceed the delegation grant's budget: ` +
          `${refusal.spentCredits} of ${refusal.capCredits} credits already spent or on hold below the root task, ` +
          `${left} left.`,
        {
          capCredits: refusal.capCredits,
          spentCredits: refusal.spentCredits,
          amount: refusal.amount,
          leftCredits: left,
        },
      );
    }
  }
}

type PlacedHold = HoldRefusal | { replay: true } | { holdId: string; alerts: BudgetAlert[] };

/**
 * Reserves a task's price: wallet -> org holds, key "hold:<taskId>". Runs
 * inside the caller's transaction (the one inserting the Task row); call it
 * last there, since the wallet lock it takes is held until commit. The
 * wallet row lock serialises concurrent holds of one org, so the balance and
 * budget checks see every earlier hold and a wallet is never overdrawn.
 * Throws InsufficientCreditsError or BudgetExceededError (both
 * DomainErrors) having written nothing; the caller's transaction then
 * writes nothing either.
 *
 * One statement (bureau_place_hold, the same checks and writes the task
 * accept runs inside bureau_accept_task), plus, only when the hold takes a
 * monthly budget past its alert line, the claim of that alert.
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
  const now = new Date();
  const [row] = await tx.$queryRaw<{ hold: PlacedHold }[]>`
    SELECT bureau_place_hold(${input.orgId}, ${input.taskId}, ${input.amount}::int, ${input.departmentId ?? null},
      ${now.toISOString()}, ${ALERT_PERCENT}::int, ${input.newTask === true}) AS hold`;
  const hold = row!.hold;
  if ("refused" in hold) throw holdRefusalError(hold);
  if ("replay" in hold) return { crossings: [], holdId: null };
  return { crossings: await claimBudgetAlerts(tx, hold.alerts, now), holdId: hold.holdId };
}

/** Claims and audits the alerts a hold's checks found, in the hold's transaction (none: no statement). */
export function claimBudgetAlerts(tx: Tx, alerts: BudgetAlert[], now: Date): Promise<BudgetCrossing[]> {
  return alerts.length === 0 ? Promise.resolve([]) : recordBudgetAlerts(tx, alerts, now);
}
