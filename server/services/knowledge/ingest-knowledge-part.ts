import "server-only";
import { createHash } from "node:crypto";
import canonicalize from "canonicalize";
import { db } from "../../db";
import { DomainError } from "../../errors";
import { eventTransaction } from "../events/event-transaction";
import { recordEvent } from "../events/record-event";
import { applyKnowledgePart, type PartCounts } from "./apply-part";
import { embedObservations } from "./embeddings";
import { commitChanges, newChangeSet } from "./graph-writes";
import { eventActorOf, type KnowledgeActor } from "./knowledge-access";
import { ZKnowledgePartSchema } from "./knowledge-part.types";
import { DEFAULT_POLICY } from "./knowledge-policy";
import { provenanceOf } from "./knowledge-rules";

/** What the lead knows about the part's origin; the task's agent and department are read from the task. */
export interface KnowledgePartProvenance {
  taskId: string;
  /** The workflow run the task ran in, when it did (a step of a run or a plan). */
  workflowRunId?: string | null;
}

export type IngestOutcome =
  | ({ status: "ingested"; proposalId: string; replay: boolean } & Omit<PartCounts, "observationIds">)
  | { status: "pending_review"; proposalId: string; replay: boolean }
  | { status: "rejected"; proposalId: string; replay: true };

/** The part's zod issues in one sentence: each path and what is wrong there. */
function problems(error: { issues: { path: PropertyKey[]; message: string }[] }) {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.map(String).join(".") || "data"}: ${i.message}`)
    .join("; ");
}

/**
 * Takes an agent's bureau/knowledge data part (knowledge-part.types.ts) for
 * the org, from the task that returned it: validated with zod (a bad part is
 * invalid_input naming what is wrong, and nothing is written), then, per the
 * task's department policy, written at once into the department's scope
 * (AUTO) or held as a proposal for a lead to accept (REVIEW, the default;
 * always for a task without a department, whose part an owner or admin
 * accepts into org-wide knowledge). The provenance of everything written is the task, its agent and
 * the workflow run. The same part from the same task again is a no-op
 * answering the first outcome (`replay`), so the lead may call this on
 * every completion attempt.
 *
 * For the lead: call it when a task completes, for each part
 * findKnowledgeParts finds in its artifacts.
 */
export async function ingestKnowledgePart(
  orgId: string,
  provenance: KnowledgePartProvenance,
  data: unknown,
): Promise<IngestOutcome> {
  const parsed = ZKnowledgePartSchema.safeParse(data);
  if (!parsed.success)
    throw new DomainError("invalid_input", `The bureau/knowledge part is not valid: ${problems(parsed.error)}.`);
  const part = parsed.data;
  const task = await db.task.findFirst({
    where: { id: provenance.taskId, orgId },
    select: { id: true, agentId: true, departmentId: true },
  });
  if (!task) throw new DomainError("task_not_found", "No such task in this organization.");
  const workflowRunId = provenance.workflowRunId ?? null;
  if (workflowRunId && !(await db.workflowRun.findFirst({ where: { id: workflowRunId, orgId }, select: { id: true } })))
    throw new DomainError("not_found", "No such workflow run in this organization.");
  const policy = task.departmentId
    ? ((
        await db.knowledgePolicy.findFirst({
          where: { departmentId: task.departmentId, orgId },
          select: { ingest: true },
        })
      )?.ingest ?? DEFAULT_POLICY.ingest)
    : "REVIEW";
  const actor: KnowledgeActor = {
    kind: "task",
    taskId: task.id,
    agentId: task.agentId,
    departmentId: task.departmentId,
    workflowRunId,
  };
  const state = policy === "AUTO" ? "ACCEPTED" : "PENDING";
  const digest = createHash("sha256")
    .update(canonicalize(part) ?? "")
    .digest("hex");

  const outcome = await eventTransaction(async (tx) => {
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "KnowledgeProposal" ("id", "orgId", "departmentId", "taskId", "agentId", "workflowRunId", "digest",
        "data", "state", "decidedAt")
      VALUES (${crypto.randomUUID()}, ${orgId}, ${task.departmentId}, ${task.id}, ${task.agentId}, ${workflowRunId},
        ${digest}, ${JSON.stringify(part)}::jsonb, ${state}::"KnowledgeProposalState",
        ${policy === "AUTO" ? new Date() : null})
      ON CONFLICT ("orgId", "taskId", "digest") DO NOTHING
      RETURNING "id"`;
    if (!inserted[0]) return { replayOf: digest as string };
    const proposalId = inserted[0].id;
    const changes = newChangeSet(orgId, eventActorOf(actor));
    let counts: PartCounts | null = null;
    if (policy === "AUTO")
      counts = await applyKnowledgePart(tx, changes, part, task.departmentId, {
        ...provenanceOf(actor, "AGENT"),
        proposalId,
      });
    await commitChanges(tx, changes);
    await recordEvent(tx, {
      orgId,
      type: "knowledge.proposal_received",
      subject: { type: "knowledge_proposal", id: proposalId },
      actor: changes.actor,
      data: { departmentId: task.departmentId, taskId: task.id, state: counts ? "ACCEPTED" : "PENDING" },
    });
    return { proposalId, counts };
  });
  if ("replayOf" in outcome) return replayed(orgId, task.id, digest);
  if (!outcome.counts) return { status: "pending_review", proposalId: outcome.proposalId, replay: false };
  const { observationIds, ...counts } = outcome.counts;
  await embedObservations(orgId, observationIds);
  return { status: "ingested", proposalId: outcome.proposalId, replay: false, ...counts };
}

async function replayed(orgId: string, taskId: string, digest: string): Promise<IngestOutcome> {
  const proposal = await db.knowledgeProposal.findUniqueOrThrow({
    where: { orgId_taskId_digest: { orgId, taskId, digest } },
    select: { id: true, state: true },
  });
  if (proposal.state === "PENDING") return { status: "pending_review", proposalId: proposal.id, replay: true };
  if (proposal.state === "REJECTED") return { status: "rejected", proposalId: proposal.id, replay: true };
  // Written the first time: nothing more now.
  return {
    status: "ingested",
    proposalId: proposal.id,
    replay: true,
    entitiesCreated: 0,
    observationsAdded: 0,
    relationsAdded: 0,
  };
}
