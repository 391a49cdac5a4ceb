import "server-only";
import { publishWorkflow } from "../../../services/workflows/publish-workflow";
import { orgRoleProcedure } from "../../init";
import { ZPublishWorkflowRequestSchema, ZPublishWorkflowResponseSchema } from "./publish-workflow.types";

export const publishWorkflowProcedure = orgRoleProcedure("member")
  .input(ZPublishWorkflowRequestSchema)
  .output(ZPublishWorkflowResponseSchema)
  .mutation(({ ctx, input }) =>
    publishWorkflow({ ...input, orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id } }),
  );
