import "server-only";
import { startWorkflowRun } from "../../../../services/workflows/start-workflow-run";
import { orgRoleProcedure } from "../../../init";
import { ZStartRunRequestSchema, ZStartRunResponseSchema } from "./start-run.types";

export const startRunProcedure = orgRoleProcedure("member")
  .input(ZStartRunRequestSchema)
  .output(ZStartRunResponseSchema)
  .mutation(({ ctx, input }) =>
    startWorkflowRun({
      orgId: ctx.org.id,
      actor: { kind: "user", userId: ctx.user.id },
      workflowId: input.workflowId,
      input: input.input,
      trigger: "MANUAL",
      idempotencyKey: input.idempotencyKey ?? null,
    }),
  );
