import "server-only";
import { listOrgTasks } from "../../../services/tasks/list-org-tasks";
import { orgProcedure } from "../../init";
import { ZListTasksRequestSchema, ZListTasksResponseSchema } from "./list-tasks.types";

export const listTasksProcedure = orgProcedure
  .input(ZListTasksRequestSchema)
  .output(ZListTasksResponseSchema)
  .query(({ ctx, input }) => listOrgTasks({ ...input, orgId: ctx.org.id }));
