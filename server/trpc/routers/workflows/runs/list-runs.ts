import "server-only";
import { listWorkflowRuns } from "../../../../services/workflows/list-workflow-runs";
import { orgProcedure } from "../../../init";
import { ZListRunsRequestSchema, ZListRunsResponseSchema } from "./list-runs.types";

export const listRunsProcedure = orgProcedure
  .input(ZListRunsRequestSchema)
  .output(ZListRunsResponseSchema)
  .query(({ ctx, input }) =>
    listWorkflowRuns({ ...input, orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id } }),
  );
