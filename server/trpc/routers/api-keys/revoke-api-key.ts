import "server-only";
import { DomainError } from "../../../errors";
import { revokeApiKey } from "../../../services/api-keys/revoke-api-key";
import { orgRoleProcedure } from "../../init";
import { ZRevokeApiKeyRequestSchema, ZRevokeApiKeyResponseSchema } from "./revoke-api-key.types";

export const revokeApiKeyProcedure = orgRoleProcedure("admin")
  .input(ZRevokeApiKeyRequestSchema)
  .output(ZRevokeApiKeyResponseSchema)
  .mutation(async ({ ctx, input }) => {
    const found = await revokeApiKey({ orgId: ctx.org.id, keyId: input.keyId, userId: ctx.user.id });
    if (!found) throw new DomainError("not_found", "API key not found.");
    return { revoked: true as const };
  });
