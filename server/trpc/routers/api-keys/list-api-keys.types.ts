import { z } from "zod";
import { ZApiKeyScopeSchema } from "../../../auth/api-key-scopes";

export const ZApiKeySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  start: z.string(),
  /** "bureau_": every key begins with it. */
  prefix: z.string(),
  /** The key's last four characters; null for keys created before they were kept. */
  lastFour: z.string().nullable(),
  scopes: z.array(ZApiKeyScopeSchema),
  status: z.enum(["active", "revoked", "expired"]),
  createdAt: z.date(),
  lastUsedAt: z.date().nullable(),
  expiresAt: z.date().nullable(),
});
export const ZListApiKeysResponseSchema = z.array(ZApiKeySummarySchema);
