import "server-only";
import { DomainError } from "../../../errors";
import { addObservation } from "../../../services/knowledge/add-observation";
import { getEntity } from "../../../services/knowledge/get-entity";
import { ENTITY_NOT_FOUND } from "../../../services/knowledge/knowledge-rules";
import { defineRoute } from "../../route";
import { ZAddObservationBodySchema, ZEntityIdParamsSchema, ZRestObservationSchema } from "./knowledge-schemas";
import { keyActor, observationJson } from "./views";

export const addKnowledgeObservation = defineRoute({
  method: "post",
  path: "/api/v1/knowledge/entities/{id}/observations",
  operationId: "addKnowledgeObservation",
  summary: "Add an observation",
  description: "A new fact about an org-wide entity, with the key as its provenance.",
  tag: "Knowledge",
  access: { kind: "apiKey", scope: "knowledge:write" },
  params: ZEntityIdParamsSchema,
  body: ZAddObservationBodySchema,
  notFound: () => new DomainError("not_found", ENTITY_NOT_FOUND),
  errors: {
    400: "`invalid_input`: empty or too long text, confidence outside 0..1, an expiry in the past, an archived entity.",
    404: "`not_found`: no org-wide entity of the key's org has this id.",
  },
  responses: { 201: { description: "The observation.", schema: ZRestObservationSchema } },
  handler: async ({ principal, params, body }) => {
    const actor = keyActor(principal);
    const { id } = await addObservation({ orgId: principal.orgId, actor, entityId: params.id, ...body });
    const entity = await getEntity({ orgId: principal.orgId, actor, entityId: params.id });
    return { status: 201, body: observationJson(entity.observations.find((o) => o.id === id)!) };
  },
});
