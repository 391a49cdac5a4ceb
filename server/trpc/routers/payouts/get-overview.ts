import "server-only";
import { getPayoutsOverview } from "../../../services/payouts/get-payouts-overview";
import { orgRoleProcedure } from "../../init";
import { ZGetPayoutsOverviewResponseSchema } from "./get-overview.types";

export const getPayoutsOverviewProcedure = orgRoleProcedure("member")
  .output(ZGetPayoutsOverviewResponseSchema)
  .query(({ ctx }) => getPayoutsOverview({ orgId: ctx.org.id }));
