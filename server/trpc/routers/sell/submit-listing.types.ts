import { z } from "zod";
import { ZStatusSchema } from "../agents/listing.types";

export { ZAgentIdInputSchema as ZSubmitListingRequestSchema } from "./sell.types";
export const ZSubmitListingResponseSchema = z.object({ id: z.string(), status: ZStatusSchema });
