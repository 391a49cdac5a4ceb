import "server-only";
import { adminGrantCredits } from "../../../services/platform/admin-grant-credits";
import { adminProcedure } from "../../init";
import { ZGrantCreditsRequestSchema, ZGrantCreditsResponseSchema } from "./grant-credits.types";

export const grantCreditsProcedure = adminProcedure
  .input(ZGrantCreditsRequestSchema)
  .output(ZGrantCreditsResponseSchema)
  .mutation(({ ctx, input }) => adminGrantCredits({ ...input, actorUserId: ctx.user.id }));
