import { z } from "zod";
import { ApprovalState } from "../../../generated/prisma/enums";
import { zId, zPageSize } from "../../../schemas/primitives";
import { ZApprovalSchema } from "../workflows/workflows.types";

export const ZListApprovalsRequestSchema = z.object({
  state: z.enum(ApprovalState).nullish(),
  /** "mine": what I may decide (the inbox); "all": the org's, for owners and admins. */
  scope: z.enum(["mine", "all"]).default("mine"),
  cursor: zId.nullish(),
  limit: zPageSize({ max: 100, default: 25 }),
});
export const ZListedApprovalSchema = ZApprovalSchema.extend({ canDecide: z.boolean() });
export const ZListApprovalsResponseSchema = z.object({
  items: z.array(ZListedApprovalSchema),
  nextCursor: z.string().nullable(),
});
