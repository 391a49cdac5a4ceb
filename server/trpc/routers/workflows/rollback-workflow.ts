import "server-only";
import { rollbackWorkflow } from "../../../services/workflows/rollback-workflow";
import { orgRoleProcedure } from "../../init";
import { ZRollbackWorkflowRequestSchema, ZRollbackWorkflowResponseSchema } from "./rollback-workflow.types";

export const rollbackWorkflowProcedure = orgRoleProcedure("member")
  .input(ZRollbackWorkflowRequestSchema)
  .output(ZRollbackWorkflowResponseSchema)
  .mutation(({ ctx, input }) =>
    rollbackWorkflow({ ...input, orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id } }),
  );
