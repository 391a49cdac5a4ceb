import { z } from "zod";
import { zId } from "../../../schemas/primitives";

export const ZCreateCheckoutRequestSchema = z.object({ packId: zId });
export const ZCreateCheckoutResponseSchema = z.object({ url: z.string().url() });
