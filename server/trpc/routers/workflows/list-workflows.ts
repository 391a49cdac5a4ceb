import "server-only";
import { listWorkflows } from "../../../services/workflows/list-workflows";
import { orgProcedure } from "../../init";
import { ZListWorkflowsRequestSchema, ZListWorkflowsResponseSchema } from "./list-workflows.types";

export const listWorkflowsProcedure = orgProcedure
  .input(ZListWorkflowsRequestSchema)
  .output(ZListWorkflowsResponseSchema)
  .query(({ ctx, input }) =>
    listWorkflows({ ...input, orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id } }),
  );
