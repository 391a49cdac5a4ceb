import "server-only";
import { listEntities } from "../../../services/knowledge/list-entities";
import { orgProcedure } from "../../init";
import { ZListEntitiesRequestSchema } from "./knowledge-inputs.types";
import { ZEntityListSchema } from "./knowledge.types";

export const listEntitiesProcedure = orgProcedure
  .input(ZListEntitiesRequestSchema)
  .output(ZEntityListSchema)
  .query(({ ctx, input: { orgId: _orgId, ...filters } }) =>
    listEntities({ orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id }, ...filters }),
  );
