import "server-only";
import { z } from "zod";
import { createEntity } from "../../../services/knowledge/create-entity";
import { orgProcedure } from "../../init";
import { ZCreateEntityRequestSchema } from "./knowledge-inputs.types";

/** Members write org-wide entities; department entities need its lead, an admin or the owner. */
export const createEntityProcedure = orgProcedure
  .input(ZCreateEntityRequestSchema)
  .output(z.object({ id: z.string(), observationIds: z.array(z.string()) }))
  .mutation(({ ctx, input: { orgId: _orgId, ...entity } }) =>
    createEntity({ orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id }, ...entity }),
  );
