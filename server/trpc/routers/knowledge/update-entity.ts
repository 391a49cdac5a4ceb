import "server-only";
import { z } from "zod";
import { setEntityArchived, updateEntity } from "../../../services/knowledge/update-entity";
import { orgProcedure } from "../../init";
import { ZArchiveEntityRequestSchema, ZUpdateEntityRequestSchema } from "./knowledge-inputs.types";

export const updateEntityProcedure = orgProcedure
  .input(ZUpdateEntityRequestSchema)
  .output(z.object({ id: z.string(), changed: z.array(z.string()) }))
  .mutation(({ ctx, input: { orgId: _orgId, id, ...changes } }) =>
    updateEntity({ orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id }, entityId: id, ...changes }),
  );

export const archiveEntityProcedure = orgProcedure
  .input(ZArchiveEntityRequestSchema)
  .output(z.object({ id: z.string(), archivedAt: z.date().nullable() }))
  .mutation(({ ctx, input }) =>
    setEntityArchived({
      orgId: ctx.org.id,
      actor: { kind: "user", userId: ctx.user.id },
      entityId: input.id,
      archived: input.archived,
    }),
  );
