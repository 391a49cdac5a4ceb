import { z } from "zod";

export const ZRevokeApiKeyRequestSchema = z.object({ keyId: z.string().min(1).max(64) });
export const ZRevokeApiKeyResponseSchema = z.object({ revoked: z.literal(true) });
