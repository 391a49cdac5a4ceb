import "server-only";
import { z } from "zod";
import type { InputJsonValue } from "../../generated/prisma/internal/prismaNamespace";
import { isCleanText } from "../../schemas/primitives";

const ZJsonObjectSchema = z.record(z.string(), z.json());

/** A parsed card as a Prisma JSON value (cards are always JSON objects). */
export function toJsonObject(raw: unknown): InputJsonValue {
  return ZJsonObjectSchema.parse(raw);
}

/**
 * True when a key or string anywhere in a parsed JSON value holds a NUL or an
 * unpaired surrogate ("\u0000" and "\ud800" are valid JSON escapes), which
 * Postgres refuses in text and jsonb alike. Walks iteratively: a pasted card
 * may nest thousands of levels deep.
 */
export function hasUnstorableText(value: unknown): boolean {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === "string") {
      if (!isCleanText(item)) return true;
    } else if (Array.isArray(item)) {
      for (const child of item) stack.push(child);
    } else if (item !== null && typeof item === "object") {
      for (const [key, child] of Object.entries(item)) {
        if (!isCleanText(key)) return true;
        stack.push(child);
      }
    }
  }
  return false;
}
