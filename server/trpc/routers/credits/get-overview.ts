import "server-only";
import { getCreditsOverview } from "../../../services/billing/get-credits-overview";
import { orgProcedure } from "../../init";
import { ZGetCreditsOverviewResponseSchema } from "./get-overview.types";

export const getCreditsOverviewProcedure = orgProcedure
  .output(ZGetCreditsOverviewResponseSchema)
  .query(({ ctx }) => getCreditsOverview({ orgId: ctx.org.id, userId: ctx.user.id }));
