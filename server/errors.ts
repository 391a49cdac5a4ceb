import "server-only";
/**
 * The one error vocabulary of Bureau's services. A service throws a
 * `DomainError` when the rules refuse something a caller can act on (not a
 * bug); its `code` is stable (documented, branched on by clients) and its
 * `message` is a sentence a user can read. Each door maps the error in one
 * place: tRPC (server/trpc/init.ts), JSON-RPC (server/gateway/errors.ts) and
 * REST (server/http/). Anything else thrown is a bug: the door logs it and
 * answers with a generic sentence and the request id.
 */

/** How a door should treat a code: each door maps a kind to its protocol's status. */
export type DomainErrorKind =
  | "invalid_input"
  | "unauthenticated"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "precondition_failed"
  | "payment_required"
  | "rate_limited"
  | "unavailable";

export const DOMAIN_ERRORS = {
  invalid_input: "invalid_input",
  unauthenticated: "unauthenticated",
  forbidden: "forbidden",
  missing_scope: "forbidden",
  not_found: "not_found",
  agent_not_found: "not_found",
  no_matching_agent: "not_found",
  task_not_found: "not_found",
  conflict: "conflict",
  message_id_reused: "invalid_input",
  not_awaiting_input: "precondition_failed",
  already_finished: "precondition_failed",
  not_eligible: "precondition_failed",
  not_onboarded: "precondition_failed",
  insufficient_credits: "payment_required",
  budget_exceeded: "payment_required",
  rate_limited: "rate_limited",
  position_ceiling: "precondition_failed",
  position_unavailable: "unavailable",
  department_not_found: "not_found",
  delegation_budget_exceeded: "payment_required",
  delegation_depth_exceeded: "precondition_failed",
  delegation_cycle: "precondition_failed",
  grant_invalid: "unauthenticated",
  agent_unavailable: "unavailable",
  payments_unavailable: "unavailable",
} as const satisfies Record<string, DomainErrorKind>;

export type DomainErrorCode = keyof typeof DOMAIN_ERRORS;

export class DomainError extends Error {
  override name = "DomainError";
  readonly kind: DomainErrorKind;

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Facts a client may branch on (a cap, a balance, a retry delay); never internals. */
    readonly details?: Record<string, string | number | boolean | null>,
    /** The underlying failure, for the log only (doors never show it). */
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.kind = DOMAIN_ERRORS[code];
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;

/** The sentence every door shows for an unexpected failure; the details go to the log. */
export const INTERNAL_ERROR_MESSAGE =
  "Something went wrong on our side. Try again; if it keeps happening, contact support with the request id.";
