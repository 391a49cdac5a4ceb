import { z } from "zod";
import { zPageSize, zSerialId } from "../../../schemas/primitives";

export const ZListGrantsRequestSchema = z.object({
  /** The last audit row id of the previous page. */
  cursor: zSerialId.nullish(),
  limit: zPageSize({ max: 50, default: 10 }),
});
export const ZListGrantsResponseSchema = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      orgName: z.string(),
      amount: z.number().int(),
      reason: z.string(),
      actorName: z.string(),
      createdAt: z.date(),
    }),
  ),
  nextCursor: z.string().nullable(),
});
