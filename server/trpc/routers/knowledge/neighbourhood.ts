import "server-only";
import { neighbourhood } from "../../../services/knowledge/neighbourhood";
import { orgProcedure } from "../../init";
import { ZNeighbourhoodRequestSchema } from "./knowledge-inputs.types";
import { ZNeighbourhoodSchema } from "./knowledge.types";

export const neighbourhoodProcedure = orgProcedure
  .input(ZNeighbourhoodRequestSchema)
  .output(ZNeighbourhoodSchema)
  .query(({ ctx, input }) =>
    neighbourhood({
      orgId: ctx.org.id,
      actor: { kind: "user", userId: ctx.user.id },
      entityId: input.id,
      depth: input.depth,
    }),
  );
