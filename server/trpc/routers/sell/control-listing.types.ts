import { z } from "zod";
import { zId } from "../../../schemas/primitives";
import { ZStatusSchema } from "../agents/listing.types";
import { ZListingPhaseSchema } from "./sell.types";

export const ZControlListingRequestSchema = z.object({
  agentId: zId,
  control: z.enum(["pause", "resume", "unpublish"], { error: "Choose pause, resume or unpublish." }),
});
export const ZControlListingResponseSchema = z.object({
  id: z.string(),
  status: ZStatusSchema,
  phase: ZListingPhaseSchema,
});
