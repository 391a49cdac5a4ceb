import "server-only";
import { z } from "zod";
import { relateEntities, unrelateEntities } from "../../../services/knowledge/relate-entities";
import { orgProcedure } from "../../init";
import { ZRelateRequestSchema, ZUnrelateRequestSchema } from "./knowledge-inputs.types";
import { ZIdResponseSchema } from "./knowledge.types";

export const relateProcedure = orgProcedure
  .input(ZRelateRequestSchema)
  .output(z.object({ id: z.string(), added: z.boolean() }))
  .mutation(({ ctx, input: { orgId: _orgId, ...relation } }) =>
    relateEntities({ orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id }, ...relation }),
  );

export const unrelateProcedure = orgProcedure
  .input(ZUnrelateRequestSchema)
  .output(ZIdResponseSchema)
  .mutation(({ ctx, input }) =>
    unrelateEntities({ orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id }, relationId: input.relationId }),
  );
