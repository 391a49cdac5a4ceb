import "server-only";
import { DomainError } from "../../../errors";
import { CURSOR_MESSAGE } from "../../../schemas/primitives";

/**
 * Lists ordered by (createdAt, id) page with the last row's pair,
 * base64url-encoded so it passes zCursor. A cursor that does not decode is
 * the caller's mistake, never a query.
 */
export const encodeCreatedCursor = (row: { createdAt: Date; id: string }): string =>
  Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");

export function decodeCreatedCursor(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (!id || !/^[A-Za-z0-9_-]{1,64}$/.test(id) || Number.isNaN(createdAt.getTime()))
    throw new DomainError("invalid_input", CURSOR_MESSAGE);
  return { createdAt, id };
}

/** The where of the rows after the cursor's, newest first (or oldest first: "asc"). */
export function afterCreated(after: { createdAt: Date; id: string } | null, order: "asc" | "desc" = "desc") {
  if (!after) return {};
  const beyond = order === "desc" ? { lt: after.createdAt } : { gt: after.createdAt };
  const id = order === "desc" ? { lt: after.id } : { gt: after.id };
  return { OR: [{ createdAt: beyond }, { createdAt: after.createdAt, id }] };
}
