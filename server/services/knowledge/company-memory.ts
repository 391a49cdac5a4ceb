import "server-only";

/**
 * What the rest of Bureau (the lead's task path, the managers) uses of the
 * knowledge graph, in one place:
 *
 * - findKnowledgeParts(parts): the bureau/knowledge data parts among a
 *   completed task's artifact or message parts;
 * - ingestKnowledgePart(orgId, { taskId, workflowRunId? }, data): validates
 *   one and writes it per the task's department policy (or holds it for
 *   review); a replay is a no-op;
 * - knowledgePolicyOf(orgId, departmentId): { ingest, attachContext } of a
 *   department (null for no department, or one of another org);
 * - relevantObservations(orgId, departmentId | null, text, limit): the facts
 *   a task of that department may see, most relevant first;
 * - knowledgeContextPart(observations): the data part to attach to the
 *   task, naming exactly what it carries.
 */
export { findKnowledgeParts, KNOWLEDGE_PART_TYPE, ZKnowledgePartSchema } from "./knowledge-part.types";
export type { KnowledgePart } from "./knowledge-part.types";
export { ingestKnowledgePart, type IngestOutcome, type KnowledgePartProvenance } from "./ingest-knowledge-part";
export { knowledgePolicyOf, type KnowledgePolicyView } from "./knowledge-policy";
export { knowledgeContextPart, relevantObservations, type RelevantObservation } from "./relevant-observations";
