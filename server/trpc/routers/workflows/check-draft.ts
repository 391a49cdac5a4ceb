import "server-only";
import { checkWorkflowGraph } from "../../../services/workflows/check-workflow-graph";
import { getWorkflow } from "../../../services/workflows/get-workflow";
import { orgProcedure } from "../../init";
import { ZCheckDraftRequestSchema, ZCheckDraftResponseSchema } from "./check-draft.types";

/**
 * The stored draft's issues and price estimate, read-only: what the builder
 * shows on opening a workflow before any save (a save answers with the same
 * check), and what a viewer sees. Reading needs only membership.
 */
export const checkDraftProcedure = orgProcedure
  .input(ZCheckDraftRequestSchema)
  .output(ZCheckDraftResponseSchema)
  .query(async ({ ctx, input }) => {
    const workflow = await getWorkflow({
      orgId: ctx.org.id,
      actor: { kind: "user", userId: ctx.user.id },
      workflowId: input.workflowId,
    });
    return checkWorkflowGraph({ orgId: ctx.org.id, graph: workflow.draftGraph, workflowId: workflow.id });
  });
