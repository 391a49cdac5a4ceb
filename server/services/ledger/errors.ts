import "server-only";
import { DomainError } from "../../errors";

const n = (value: number) => value.toLocaleString("en-US");

/**
 * The ledger's two refusals. They are DomainErrors like every other refusal
 * (each door maps them by code); the subclasses exist so callers that must
 * tell them apart (a test, a retry loop) can use instanceof, and they carry
 * their numbers in `details` for clients to branch on.
 */
export class InsufficientCreditsError extends DomainError {
  override name = "InsufficientCreditsError";

  constructor(
    readonly balance: number,
    readonly amount: number,
  ) {
    super(
      "insufficient_credits",
      balance < 0
        ? `Your credit balance is negative (${n(balance)}) after a refund. Buy credits to start new tasks.`
        : `This task costs ${n(amount)} credits but only ${n(balance)} are available. Buy credits to continue.`,
      { balance, amount },
    );
  }
}

export class BudgetExceededError extends DomainError {
  override name = "BudgetExceededError";

  constructor(
    readonly scope: "org" | "department",
    readonly capCredits: number,
    readonly spentCredits: number,
    readonly amount: number,
  ) {
    const left = Math.max(0, capCredits - spentCredits);
    super(
      "budget_exceeded",
      `This task (${n(amount)} credits) would exceed the ` +
        `${scope === "org" ? "organization's" : "department's"} monthly budget: ` +
        `${n(spentCredits)} of ${n(capCredits)} credits spent or on hold this month, ${n(left)} left. ` +
        "An owner can raise the cap on the Credits page.",
      { scope, capCredits, spentCredits, amount, leftCredits: left },
    );
  }
}
