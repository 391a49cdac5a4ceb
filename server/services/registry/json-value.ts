import { z } from "zod";
import type { InputJsonValue } from "../../generated/prisma/internal/prismaNamespace";

const ZJsonObjectSchema = z.record(z.string(), z.json());

/** A parsed card as a Prisma JSON value (cards are always JSON objects). */
export function toJsonObject(raw: unknown): InputJsonValue {
  return ZJsonObjectSchema.parse(raw);
}
