/** A refusal a seller or admin can act on; procedures map `code` to the tRPC code of the same name. */
export class RegistryError extends Error {
  override name = "RegistryError";
  constructor(
    readonly code: "NOT_FOUND" | "CONFLICT" | "BAD_REQUEST",
    message: string,
  ) {
    super(message);
  }
}
