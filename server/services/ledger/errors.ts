/**
 * A ledger operation the business rules refuse (not a bug): callers show the
 * message to the user as is, and branch on `code`.
 */
export class LedgerRefusal extends Error {
  constructor(
    readonly code: "insufficient_credits" | "budget_exceeded",
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class InsufficientCreditsError extends LedgerRefusal {
  constructor(
    readonly balance: number,
    readonly amount: number,
  ) {
    super(
      "insufficient_credits",
      balance < 0
        ? `Your credit balance is negative (${balance.toLocaleString("en-US")}) after a refund. Buy credits to start new tasks.`
        : `This task costs ${amount.toLocaleString("en-US")} credits but only ${balance.toLocaleString("en-US")} are available. Buy credits to continue.`,
    );
  }
}

export class BudgetExceededError extends LedgerRefusal {
  constructor(
    readonly scope: "org" | "department",
    readonly capCredits: number,
    readonly spentCredits: number,
    readonly amount: number,
  ) {
    const left = Math.max(0, capCredits - spentCredits);
    super(
      "budget_exceeded",
      `This task (${amount.toLocaleString("en-US")} credits) would exceed the ${scope === "org" ? "organization's" : "department's"} monthly budget: ` +
        `${spentCredits.toLocaleString("en-US")} of ${capCredits.toLocaleString("en-US")} credits spent or on hold this month, ${left.toLocaleString("en-US")} left. An owner can raise the cap on the Credits page.`,
    );
  }
}
