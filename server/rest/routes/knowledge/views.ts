import "server-only";
import type { z } from "zod";
import type { ApiKeyPrincipal } from "../../../services/api-keys/authenticate-api-key";
import type { EntityDetail } from "../../../services/knowledge/get-entity";
import type { KnowledgeActor } from "../../../services/knowledge/knowledge-access";
import type { EntitySummary, ObservationView } from "../../../services/knowledge/knowledge-views";
import type { SearchAnswer } from "../../../services/knowledge/search-knowledge";
import type {
  ZRestEntityDetailSchema,
  ZRestEntitySchema,
  ZRestObservationSchema,
  ZSearchAnswerSchema,
} from "./knowledge-schemas";

/** The services' views as the API writes them: every field named, dates as ISO strings. */

export const keyActor = (principal: ApiKeyPrincipal): KnowledgeActor => ({
  kind: "apiKey",
  apiKeyId: principal.keyId,
  scopes: principal.scopes,
});

const iso = (date: Date | null) => date?.toISOString() ?? null;

export const entityJson = (e: EntitySummary): z.input<typeof ZRestEntitySchema> => ({
  id: e.id,
  name: e.name,
  type: e.type,
  aliases: e.aliases,
  summary: e.summary,
  archivedAt: iso(e.archivedAt),
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
});

export const observationJson = (o: ObservationView): z.input<typeof ZRestObservationSchema> => ({
  id: o.id,
  entityId: o.entityId,
  text: o.text,
  confidence: o.confidence,
  expiresAt: iso(o.expiresAt),
  retractedAt: iso(o.retractedAt),
  provenance: {
    source: o.provenance.source,
    user: o.provenance.user ? { id: o.provenance.user.id, name: o.provenance.user.name } : null,
    apiKey: o.provenance.apiKey,
    taskId: o.provenance.taskId,
    agent: o.provenance.agent,
    workflowRunId: o.provenance.workflowRunId,
    artifactId: o.provenance.artifactId,
    recordedAt: o.provenance.at.toISOString(),
  },
});

export const entityDetailJson = (e: EntityDetail): z.input<typeof ZRestEntityDetailSchema> => ({
  ...entityJson(e),
  observations: e.observations.map(observationJson),
  relations: e.relations.map((r) => ({
    id: r.id,
    type: r.type,
    direction: r.direction,
    other: { id: r.other.id, name: r.other.name, type: r.other.type },
    confidence: r.confidence,
  })),
});

export const searchJson = (answer: SearchAnswer): z.input<typeof ZSearchAnswerSchema> => ({
  query: answer.query,
  results: answer.results.map((r) => ({
    entity: entityJson(r.entity),
    score: r.score,
    matchedBy: Object.keys(r.ranks),
    passage: r.passage ? observationJson(r.passage) : null,
  })),
  vectors: answer.vectors.available
    ? { available: true, reason: null }
    : { available: false, reason: answer.vectors.reason },
});
