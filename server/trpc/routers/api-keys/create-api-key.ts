import "server-only";
import { createApiKey } from "../../../services/api-keys/create-api-key";
import { orgRoleProcedure } from "../../init";
import { ZCreateApiKeyRequestSchema, ZCreateApiKeyResponseSchema } from "./create-api-key.types";

export const createApiKeyProcedure = orgRoleProcedure("admin")
  .input(ZCreateApiKeyRequestSchema)
  .output(ZCreateApiKeyResponseSchema)
  .mutation(({ ctx, input }) => createApiKey({ ...input, orgId: ctx.org.id, userId: ctx.user.id }));
