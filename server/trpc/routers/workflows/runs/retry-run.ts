import "server-only";
import { retryWorkflowRun } from "../../../../services/workflows/retry-workflow-run";
import { orgRoleProcedure } from "../../../init";
import { ZRetryRunRequestSchema, ZRetryRunResponseSchema } from "./retry-run.types";

export const retryRunProcedure = orgRoleProcedure("member")
  .input(ZRetryRunRequestSchema)
  .output(ZRetryRunResponseSchema)
  .mutation(({ ctx, input }) =>
    retryWorkflowRun({ orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id }, runId: input.runId }),
  );
