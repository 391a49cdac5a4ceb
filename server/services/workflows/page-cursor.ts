import "server-only";
import { DomainError } from "../../errors";
import { CURSOR_MESSAGE } from "../../schemas/primitives";

/**
 * The workflows list is ordered by (updatedAt desc, id desc): its cursor is
 * the last row's pair, base64url-encoded so it passes zCursor. A cursor that
 * does not decode is the caller's mistake, never a query.
 */
export function encodeUpdatedCursor(row: { updatedAt: Date; id: string }): string {
  return Buffer.from(`${row.updatedAt.toISOString()}|${row.id}`).toString("base64url");
}

export function decodeUpdatedCursor(cursor: string): { updatedAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const updatedAt = new Date(at ?? "");
  if (!id || !/^[A-Za-z0-9_-]{1,64}$/.test(id) || Number.isNaN(updatedAt.getTime()))
    throw new DomainError("invalid_input", CURSOR_MESSAGE);
  return { updatedAt, id };
}
