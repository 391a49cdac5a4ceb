import "server-only";
import { getPlatformRevenue } from "../../../services/platform/get-platform-revenue";
import { adminProcedure } from "../../init";
import { ZGetRevenueResponseSchema } from "./get-revenue.types";

export const getRevenueProcedure = adminProcedure.output(ZGetRevenueResponseSchema).query(() => getPlatformRevenue());
