import { z } from "zod";
import { API_KEY_SCOPES, ZApiKeyScopeSchema } from "../../../auth/api-key-scopes";

export const ZCreateApiKeyRequestSchema = z.object({
  name: z.string().trim().min(1, "Give the key a name.").max(64, "Keep the name under 64 characters."),
  scopes: z
    .array(ZApiKeyScopeSchema)
    .min(1, "Choose at least one scope.")
    .default([...API_KEY_SCOPES]),
  expiresInDays: z.number().int().min(1).max(365).nullable().default(null),
});
export const ZCreateApiKeyResponseSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The plain key: shown once, never stored. */
  key: z.string(),
  start: z.string().nullable(),
});
