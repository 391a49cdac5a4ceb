import "server-only";
import { listDepartmentTasks } from "../../../services/company/departments/list-department-tasks";
import { orgProcedure } from "../../init";
import { ZDepartmentTasksRequestSchema } from "./company-inputs.types";
import { ZDepartmentTasksResponseSchema } from "./company.types";

export const departmentTasksProcedure = orgProcedure
  .input(ZDepartmentTasksRequestSchema)
  .output(ZDepartmentTasksResponseSchema)
  .query(({ ctx, input }) =>
    listDepartmentTasks({
      orgId: ctx.org.id,
      actor: { kind: "user", userId: ctx.user.id },
      slug: input.slug,
      cursor: input.cursor ?? null,
      limit: input.limit,
    }),
  );
