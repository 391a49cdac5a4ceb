import "server-only";
import { getWorkflow } from "../../../services/workflows/get-workflow";
import { orgProcedure } from "../../init";
import { ZGetWorkflowRequestSchema, ZGetWorkflowResponseSchema } from "./get-workflow.types";

export const getWorkflowProcedure = orgProcedure
  .input(ZGetWorkflowRequestSchema)
  .output(ZGetWorkflowResponseSchema)
  .query(({ ctx, input }) =>
    getWorkflow({ orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id }, workflowId: input.workflowId }),
  );
