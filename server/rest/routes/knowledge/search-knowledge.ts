import "server-only";
import { searchKnowledge as searchOrgKnowledge } from "../../../services/knowledge/search-knowledge";
import { defineRoute } from "../../route";
import { ZSearchAnswerSchema, ZSearchQuerySchema } from "./knowledge-schemas";
import { keyActor, searchJson } from "./views";

export const searchKnowledge = defineRoute({
  method: "get",
  path: "/api/v1/knowledge/search",
  operationId: "searchKnowledge",
  summary: "Search the knowledge graph",
  description:
    "Hybrid search of the org-wide knowledge graph: full text and trigram similarity always, vector " +
    "similarity where the server has pgvector and an embedding key (`vectors` says which), ranks fused by " +
    "reciprocal rank fusion. Each result carries its best-matching observation and that observation's provenance.",
  tag: "Knowledge",
  access: { kind: "apiKey", scope: "knowledge:read" },
  query: ZSearchQuerySchema,
  errors: { 400: "`invalid_input`: `q` is missing, empty or too long, or `limit` is out of range." },
  responses: { 200: { description: "The results, best first.", schema: ZSearchAnswerSchema } },
  handler: async ({ principal, query }) => ({
    status: 200,
    body: searchJson(
      await searchOrgKnowledge({
        orgId: principal.orgId,
        actor: keyActor(principal),
        query: query.q,
        type: query.type ?? null,
        limit: query.limit,
      }),
    ),
  }),
});
