import "server-only";
import { z } from "zod";
import { listKnowledgePolicies, setKnowledgePolicy } from "../../../services/knowledge/knowledge-policy";
import { knowledgeScopes } from "../../../services/knowledge/knowledge-scopes";
import { orgProcedure } from "../../init";
import { ZSetPolicyRequestSchema } from "./knowledge-inputs.types";
import { ZKnowledgeScopesSchema, ZPolicySchema } from "./knowledge.types";

/** Which scopes the member sees and may write into (filters and the scope picker). */
export const scopesProcedure = orgProcedure
  .output(ZKnowledgeScopesSchema)
  .query(({ ctx }) => knowledgeScopes({ orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id } }));

export const policiesProcedure = orgProcedure
  .output(z.array(ZPolicySchema))
  .query(({ ctx }) => listKnowledgePolicies({ orgId: ctx.org.id, actor: { kind: "user", userId: ctx.user.id } }));

/** Owners and admins: how a department takes its agents' parts, and whether its tasks carry context. */
export const setPolicyProcedure = orgProcedure
  .input(ZSetPolicyRequestSchema)
  .output(z.object({ departmentId: z.string(), ingest: z.enum(["AUTO", "REVIEW"]), attachContext: z.boolean() }))
  .mutation(({ ctx, input }) =>
    setKnowledgePolicy({
      orgId: ctx.org.id,
      actor: { kind: "user", userId: ctx.user.id },
      departmentId: input.departmentId,
      ingest: input.ingest,
      attachContext: input.attachContext,
    }),
  );
