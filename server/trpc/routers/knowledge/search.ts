import "server-only";
import { searchKnowledge } from "../../../services/knowledge/search-knowledge";
import { orgProcedure } from "../../init";
import { ZSearchRequestSchema } from "./knowledge-inputs.types";
import { ZSearchAnswerSchema } from "./knowledge.types";

/** Hybrid search of what the member may see, each result with its matched passage and provenance. */
export const searchProcedure = orgProcedure
  .input(ZSearchRequestSchema)
  .output(ZSearchAnswerSchema)
  .query(({ ctx, input }) =>
    searchKnowledge({
      orgId: ctx.org.id,
      actor: { kind: "user", userId: ctx.user.id },
      query: input.query,
      type: input.type,
      scope: input.scope,
      limit: input.limit,
    }),
  );
