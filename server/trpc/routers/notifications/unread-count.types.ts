import { z } from "zod";

export const ZUnreadCountResponseSchema = z.object({ count: z.number().int().nonnegative() });
