import "server-only";
import { getDashboard } from "../../../services/orgs/get-dashboard";
import { orgProcedure } from "../../init";
import { ZGetDashboardResponseSchema } from "./get-dashboard.types";

export const getDashboardProcedure = orgProcedure
  .output(ZGetDashboardResponseSchema)
  .query(async ({ ctx }) => ({ org: ctx.org, role: ctx.role, ...(await getDashboard({ orgId: ctx.org.id })) }));
