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
  /** The department whose cap it is (the task's own or an ancestor's: budgets roll up); null for the org's. */
  readonly departmentId: string | null;
  readonly departmentName: string | null;

  constructor(
    readonly scope: "org" | "department",
    readonly capCredits: number,
    readonly spentCredits: number,
    readonly amount: number,
    department: { id: string | null; name: string | null } = { id: null, name: null },
  ) {
    const left = Math.max(0, capCredits - spentCredits);
    const whose =
      scope === "org" ? "the organization's" : department.name ? `${department.name}'s` : "the department's";
    super(
      "budget_exceeded",
      `This task (${n(amount)} credits) would exceed ${whose} monthly budget: ` +
        `${n(spentCredits)} of ${n(capCredits)} credits spent or on hold this month, ${n(left)} left. ` +
        (scope === "org"
          ? "An owner can raise the cap on the Credits page."
          : "An admin can raise the department's budget on its page."),
      {
        scope,
        capCredits,
        spentCredits,
        amount,
        leftCredits: left,
        departmentId: scope === "org" ? null : department.id,
        departmentName: scope === "org" ? null : department.name,
      },
    );
    this.departmentId = scope === "org" ? null : department.id;
    this.departmentName = scope === "org" ? null : department.name;
  }
}
