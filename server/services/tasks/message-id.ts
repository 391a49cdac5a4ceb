import "server-only";
import { DomainError } from "../../errors";
import { isCleanText } from "../../schemas/primitives";

export const MAX_MESSAGE_ID_LENGTH = 200;

/**
 * A message's messageId is the caller's idempotency key, so it must be
 * there: an empty one would make every message a "retry" of the first.
 */
export function assertMessageId(messageId: unknown): asserts messageId is string {
  if (
    typeof messageId !== "string" ||
    messageId.trim().length === 0 ||
    messageId.length > MAX_MESSAGE_ID_LENGTH ||
    !isCleanText(messageId)
  ) {
    throw new DomainError(
      "invalid_input",
      `message.messageId is required: a non-empty string of at most ${MAX_MESSAGE_ID_LENGTH} characters, ` +
        "unique per new message.",
    );
  }
}
