import "server-only";
import { appUrl } from "../../../env";
import { rotateWorkflowWebhook } from "../../../services/workflows/triggers/webhook-trigger";
import { orgRoleProcedure } from "../../init";
import { ZRotateWebhookRequestSchema, ZRotateWebhookResponseSchema } from "./rotate-webhook.types";

/** Issues the workflow a new webhook trigger URL (retiring the old one) and answers it, absolute, this once. */
export const rotateWebhookProcedure = orgRoleProcedure("member")
  .input(ZRotateWebhookRequestSchema)
  .output(ZRotateWebhookResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const { path } = await rotateWorkflowWebhook({
      orgId: ctx.org.id,
      actor: { kind: "user", userId: ctx.user.id },
      workflowId: input.workflowId,
    });
    return { url: `${appUrl()}${path}` };
  });
