import "server-only";
import { getWorkflowRun } from "../../../../services/workflows/get-workflow-run";
import { orgProcedure } from "../../../init";
import { ZGetRunRequestSchema, ZGetRunResponseSchema } from "./get-run.types";

export const getRunProcedure = orgProcedure
  .input(ZGetRunRequestSchema)
  .output(ZGetRunResponseSchema)
  .query(({ ctx, input }) =>
    getWorkflowRun({ orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id }, runId: input.runId }),
  );
