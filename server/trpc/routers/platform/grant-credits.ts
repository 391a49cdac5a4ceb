import { adminGrantCredits } from "../../../services/platform/admin-grant-credits";
import { adminProcedure } from "../../init";
import { billingCall } from "../credits/billing-error";
import { ZGrantCreditsRequestSchema, ZGrantCreditsResponseSchema } from "./grant-credits.types";

export const grantCreditsProcedure = adminProcedure
  .input(ZGrantCreditsRequestSchema)
  .output(ZGrantCreditsResponseSchema)
  .mutation(({ ctx, input }) => billingCall(() => adminGrantCredits({ ...input, actorUserId: ctx.user.id })));
