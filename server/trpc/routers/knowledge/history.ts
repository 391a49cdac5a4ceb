import "server-only";
import { entityHistory } from "../../../services/knowledge/entity-history";
import { orgProcedure } from "../../init";
import { ZHistoryRequestSchema } from "./knowledge-inputs.types";
import { ZRevisionPageSchema } from "./knowledge.types";

export const historyProcedure = orgProcedure
  .input(ZHistoryRequestSchema)
  .output(ZRevisionPageSchema)
  .query(({ ctx, input }) =>
    entityHistory({
      orgId: ctx.org.id,
      actor: { kind: "user", userId: ctx.user.id },
      entityId: input.id,
      before: input.cursor,
    }),
  );
