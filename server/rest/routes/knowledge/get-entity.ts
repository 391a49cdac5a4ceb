import "server-only";
import { DomainError } from "../../../errors";
import { getEntity } from "../../../services/knowledge/get-entity";
import { ENTITY_NOT_FOUND } from "../../../services/knowledge/knowledge-rules";
import { defineRoute } from "../../route";
import { ZEntityIdParamsSchema, ZRestEntityDetailSchema } from "./knowledge-schemas";
import { entityDetailJson, keyActor } from "./views";

export const getKnowledgeEntity = defineRoute({
  method: "get",
  path: "/api/v1/knowledge/entities/{id}",
  operationId: "getKnowledgeEntity",
  summary: "Get a knowledge entity",
  description:
    "One org-wide entity with its observations (newest first, each with its provenance) and its relations " +
    "to other org-wide entities.",
  tag: "Knowledge",
  access: { kind: "apiKey", scope: "knowledge:read" },
  params: ZEntityIdParamsSchema,
  notFound: () => new DomainError("not_found", ENTITY_NOT_FOUND),
  errors: { 404: "`not_found`: no org-wide entity of the key's org has this id." },
  responses: { 200: { description: "The entity.", schema: ZRestEntityDetailSchema } },
  handler: async ({ principal, params }) => ({
    status: 200,
    body: entityDetailJson(
      await getEntity({ orgId: principal.orgId, actor: keyActor(principal), entityId: params.id }),
    ),
  }),
});
