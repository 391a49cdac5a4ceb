import { z } from "zod";
import { zPageSize, zSerialId } from "../../../schemas/primitives";

export const ZAuditPageRequestSchema = z.object({
  cursor: zSerialId.nullish(),
  limit: zPageSize({ max: 100, default: 25 }),
});

export const ZAuditLogRowSchema = z.object({
  id: z.string(),
  action: z.string(),
  summary: z.string(),
  actor: z.object({ id: z.string(), name: z.string(), email: z.string() }).nullable(),
  target: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  hash: z.string(),
  createdAt: z.date(),
});

export const ZListAuditLogResponseSchema = z.object({
  items: z.array(ZAuditLogRowSchema),
  nextCursor: z.string().nullable(),
});

export const ZAuditFilterOptionsResponseSchema = z.object({
  actions: z.array(z.string()),
  actors: z.array(z.object({ id: z.string(), name: z.string() })),
});
