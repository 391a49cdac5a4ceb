import "server-only";
import { createWorkflow } from "../../../services/workflows/create-workflow";
import { orgRoleProcedure } from "../../init";
import { ZCreateWorkflowRequestSchema, ZCreateWorkflowResponseSchema } from "./create-workflow.types";

export const createWorkflowProcedure = orgRoleProcedure("member")
  .input(ZCreateWorkflowRequestSchema)
  .output(ZCreateWorkflowResponseSchema)
  .mutation(({ ctx, input }) =>
    createWorkflow({ ...input, orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id } }),
  );
