import { z } from "zod";
import { API_KEY_SCOPES, ZApiKeyScopeSchema } from "../../../auth/api-key-scopes";
import { zText } from "../../../schemas/primitives";

/** better-auth's api-key plugin refuses longer names (its maximumNameLength default); the form uses this too. */
export const API_KEY_NAME_MAX_LENGTH = 32;
export const ZApiKeyNameSchema = zText(
  API_KEY_NAME_MAX_LENGTH,
  `Keep the name to ${API_KEY_NAME_MAX_LENGTH} characters or fewer.`,
).min(1, "Give the key a name.");

export const ZCreateApiKeyRequestSchema = z.object({
  name: ZApiKeyNameSchema,
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
