import "server-only";
import { saveWorkflowDraft } from "../../../services/workflows/save-workflow-draft";
import { orgRoleProcedure } from "../../init";
import { ZSaveDraftRequestSchema, ZSaveDraftResponseSchema } from "./save-draft.types";

export const saveDraftProcedure = orgRoleProcedure("member")
  .input(ZSaveDraftRequestSchema)
  .output(ZSaveDraftResponseSchema)
  .mutation(({ ctx, input }) =>
    saveWorkflowDraft({ ...input, orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id } }),
  );
