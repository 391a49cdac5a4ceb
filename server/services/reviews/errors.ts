/** A review the rules refuse (not a bug); procedures map `code` to the tRPC code of the same name. */
export class ReviewError extends Error {
  override name = "ReviewError";
  constructor(
    readonly code: "NOT_FOUND" | "PRECONDITION_FAILED" | "FORBIDDEN",
    message: string,
  ) {
    super(message);
  }
}
