import { z } from "zod";
import { zId } from "../../../schemas/primitives";

export const ZRotateWebhookRequestSchema = z.object({ workflowId: zId });
export const ZRotateWebhookResponseSchema = z.object({
  /** POST JSON here to start a run; shown once (only its hash is kept), and the previous URL stops working. */
  url: z.url(),
});
