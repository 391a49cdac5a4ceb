import "server-only";
import { getSellerOverview } from "../../../services/registry/seller-overview";
import { orgRoleProcedure } from "../../init";
import { ZGetSellerOverviewResponseSchema } from "./get-overview.types";

/** The seller overview: earnings, tasks, rating and health of the org's listings (input: the org). */
export const getSellerOverviewProcedure = orgRoleProcedure("member")
  .output(ZGetSellerOverviewResponseSchema)
  .query(({ ctx }) => getSellerOverview({ orgId: ctx.org.id }));
