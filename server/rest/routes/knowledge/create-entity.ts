import "server-only";
import { createEntity as createOrgEntity } from "../../../services/knowledge/create-entity";
import { getEntity } from "../../../services/knowledge/get-entity";
import { defineRoute } from "../../route";
import { ZCreateEntityBodySchema, ZRestEntityDetailSchema } from "./knowledge-schemas";
import { entityDetailJson, keyActor } from "./views";

export const createKnowledgeEntity = defineRoute({
  method: "post",
  path: "/api/v1/knowledge/entities",
  operationId: "createKnowledgeEntity",
  summary: "Create a knowledge entity",
  description:
    "A new org-wide entity with its first observations, the key recorded as their provenance. Names are " +
    "unique per type (case and spacing aside): a second `Acme Corp` customer is a 409 naming the first.",
  tag: "Knowledge",
  access: { kind: "apiKey", scope: "knowledge:write" },
  body: ZCreateEntityBodySchema,
  errors: {
    400: "`invalid_input`: a field failed its limits (the sentence names it), e.g. a confidence above 1.",
    409: "`conflict`: an entity of this name and type exists; add observations to it instead.",
  },
  responses: {
    201: {
      description: "The entity, as GET /api/v1/knowledge/entities/{id} shows it.",
      schema: ZRestEntityDetailSchema,
    },
  },
  handler: async ({ principal, body }) => {
    const actor = keyActor(principal);
    const { id } = await createOrgEntity({ orgId: principal.orgId, actor, ...body, departmentId: null });
    return {
      status: 201,
      body: entityDetailJson(await getEntity({ orgId: principal.orgId, actor, entityId: id })),
      headers: { location: `/api/v1/knowledge/entities/${id}` },
    };
  },
});
