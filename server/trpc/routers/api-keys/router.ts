import "server-only";
import { createTRPCRouter } from "../../init";
import { createApiKeyProcedure } from "./create-api-key";
import { listApiKeysProcedure } from "./list-api-keys";
import { revokeApiKeyProcedure } from "./revoke-api-key";

export const apiKeysRouter = createTRPCRouter({
  list: listApiKeysProcedure,
  create: createApiKeyProcedure,
  revoke: revokeApiKeyProcedure,
});
