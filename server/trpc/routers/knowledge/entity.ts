import "server-only";
import { getEntity } from "../../../services/knowledge/get-entity";
import { orgProcedure } from "../../init";
import { ZEntityRequestSchema } from "./knowledge-inputs.types";
import { ZEntityDetailSchema } from "./knowledge.types";

export const entityProcedure = orgProcedure
  .input(ZEntityRequestSchema)
  .output(ZEntityDetailSchema)
  .query(({ ctx, input }) =>
    getEntity({ orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id }, entityId: input.id }),
  );
