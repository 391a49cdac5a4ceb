import { z } from "zod";
import { zId } from "../../../schemas/primitives";

export const ZRevokeApiKeyRequestSchema = z.object({ keyId: zId });
export const ZRevokeApiKeyResponseSchema = z.object({ revoked: z.literal(true) });
