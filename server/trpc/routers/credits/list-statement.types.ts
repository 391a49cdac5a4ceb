import { z } from "zod";
import { zPageSize, zSerialId } from "../../../schemas/primitives";
import { STATEMENT_KINDS } from "../../../schemas/statement-kinds";

export const ZStatementLineSchema = z.object({
  id: z.string(),
  kind: z.enum(STATEMENT_KINDS).nullable(),
  createdAt: z.date(),
  available: z.number().int(),
  held: z.number().int(),
  availableAfter: z.number().int(),
  heldAfter: z.number().int(),
  memo: z.string().nullable(),
  reference: z
    .discriminatedUnion("type", [
      z.object({
        type: z.literal("task"),
        taskId: z.string(),
        agentName: z.string().nullable(),
        agentSlug: z.string().nullable(),
      }),
      z.object({
        type: z.literal("purchase"),
        purchaseId: z.string(),
        credits: z.number().int(),
        amountCents: z.number().int(),
        currency: z.string(),
      }),
    ])
    .nullable(),
});

export const ZStatementPageRequestSchema = z.object({
  cursor: zSerialId.nullish(),
  limit: zPageSize({ max: 100, default: 25 }),
});

export const ZListStatementResponseSchema = z.object({
  items: z.array(ZStatementLineSchema),
  nextCursor: z.string().nullable(),
});
