/** A billing request Bureau refuses for a reason the user can act on. */
export class BillingError extends Error {
  constructor(
    readonly code: "unknown_pack" | "not_found" | "not_onboarded",
    message: string,
  ) {
    super(message);
    this.name = "BillingError";
  }
}
