import "server-only";
import { createCheckout } from "../../../services/billing/create-checkout";
import { orgRoleProcedure } from "../../init";
import { ZCreateCheckoutRequestSchema, ZCreateCheckoutResponseSchema } from "./create-checkout.types";

/** Buying credits spends company money: admins and owners. */
export const createCheckoutProcedure = orgRoleProcedure("admin")
  .input(ZCreateCheckoutRequestSchema)
  .output(ZCreateCheckoutResponseSchema)
  .mutation(({ ctx, input }) => createCheckout({ orgId: ctx.org.id, userId: ctx.user.id, packId: input.packId }));
