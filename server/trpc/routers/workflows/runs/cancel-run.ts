import "server-only";
import { cancelWorkflowRun } from "../../../../services/workflows/cancel-workflow-run";
import { orgRoleProcedure } from "../../../init";
import { ZCancelRunRequestSchema, ZCancelRunResponseSchema } from "./cancel-run.types";

export const cancelRunProcedure = orgRoleProcedure("member")
  .input(ZCancelRunRequestSchema)
  .output(ZCancelRunResponseSchema)
  .mutation(({ ctx, input }) =>
    cancelWorkflowRun({ orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id }, runId: input.runId }),
  );
