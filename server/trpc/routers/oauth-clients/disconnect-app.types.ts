import { z } from "zod";
import { zId } from "../../../schemas/primitives";

export const ZDisconnectAppRequestSchema = z.object({ connectionId: zId });
export const ZDisconnectAppResponseSchema = z.object({ disconnected: z.literal(true) });
