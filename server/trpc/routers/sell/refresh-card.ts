import "server-only";
import { refreshListingCard } from "../../../services/registry/refresh-card";
import { orgRoleProcedure } from "../../init";
import { ZRefreshCardRequestSchema, ZRefreshCardResponseSchema } from "./refresh-card.types";

export const refreshCardProcedure = orgRoleProcedure("admin")
  .input(ZRefreshCardRequestSchema)
  .output(ZRefreshCardResponseSchema)
  .mutation(({ ctx, input }) =>
    refreshListingCard({ orgId: ctx.org.id, agentId: input.agentId, userId: ctx.user.id, text: input.text }),
  );
