import "server-only";
import { getCompanyChart } from "../../../services/company/departments/get-company-chart";
import { orgProcedure } from "../../init";
import { ZChartRequestSchema } from "./company-inputs.types";
import { ZChartResponseSchema } from "./company.types";

/** The org chart (/company): every member reads it, viewers included. */
export const chartProcedure = orgProcedure
  .input(ZChartRequestSchema)
  .output(ZChartResponseSchema)
  .query(({ ctx, input }) =>
    getCompanyChart({
      orgId: ctx.org.id,
      actor: { kind: "user", userId: ctx.user.id },
      includeArchived: input.includeArchived,
    }),
  );
