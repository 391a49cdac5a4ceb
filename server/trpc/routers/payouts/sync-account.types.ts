import { z } from "zod";

export const ZSyncAccountResponseSchema = z.object({ synced: z.boolean() });
