import "server-only";
import { listApiKeys } from "../../../services/api-keys/list-api-keys";
import { orgRoleProcedure } from "../../init";
import { ZListApiKeysResponseSchema } from "./list-api-keys.types";

export const listApiKeysProcedure = orgRoleProcedure("member")
  .output(ZListApiKeysResponseSchema)
  .query(({ ctx }) => listApiKeys({ orgId: ctx.org.id }));
