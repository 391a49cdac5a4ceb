import "server-only";
import { db } from "../../db";
import { DomainError } from "../../errors";
import { zText } from "../../schemas/primitives";
import { eventTransaction } from "../events/event-transaction";
import { recordEvent } from "../events/record-event";
import { applyKnowledgePart, type PartCounts } from "./apply-part";
import { embedObservations } from "./embeddings";
import { commitChanges, newChangeSet } from "./graph-writes";
import { eventActorOf, inReach, knowledgeAccess, type KnowledgeActor } from "./knowledge-access";
import { ZKnowledgePartSchema } from "./knowledge-part.types";
import { field } from "./knowledge-rules";

const NOT_FOUND = "No such knowledge proposal in this organization.";

/**
 * A member accepts or rejects an agent's part held for review. Owners and
 * admins decide any; a department's leads decide their department's (and
 * its teams'). Accepting writes the part into the proposal's scope with the
 * task, its agent and the reviewer as provenance. A proposal is decided once:
 * deciding it again is a conflict naming its state.
 */
export async function decideProposal(input: {
  orgId: string;
  actor: KnowledgeActor;
  proposalId: string;
  decision: "accept" | "reject";
  comment?: string;
}): Promise<{ id: string; state: "ACCEPTED" | "REJECTED" } & Partial<Omit<PartCounts, "observationIds">>> {
  if (input.actor.kind !== "user")
    throw new DomainError("forbidden", "A member decides knowledge proposals, in the app.");
  const access = await knowledgeAccess(input.orgId, input.actor, "write");
  const comment = field(zText(1_000), input.comment ?? "") || null;
  const proposal = await db.knowledgeProposal.findFirst({ where: { id: input.proposalId, orgId: input.orgId } });
  if (!proposal || !inReach(access, proposal.departmentId, "read")) throw new DomainError("not_found", NOT_FOUND);
  const mayDecide = proposal.departmentId === null ? access.isAdmin : inReach(access, proposal.departmentId, "write");
  if (!mayDecide)
    throw new DomainError(
      "forbidden",
      proposal.departmentId === null
        ? "Only owners and admins decide knowledge for the whole organization."
        : "Only owners, admins and the department's leads decide its knowledge.",
    );
  if (proposal.state !== "PENDING")
    throw new DomainError("conflict", `This proposal was already ${proposal.state.toLowerCase()}.`);
  const part = ZKnowledgePartSchema.parse(proposal.data);
  const state = input.decision === "accept" ? "ACCEPTED" : "REJECTED";
  const result = await eventTransaction(async (tx) => {
    const { count } = await tx.knowledgeProposal.updateMany({
      where: { id: proposal.id, orgId: input.orgId, state: "PENDING" },
      data: {
        state,
        decidedById: input.actor.kind === "user" ? input.actor.userId : null,
        decidedAt: new Date(),
        comment,
      },
    });
    if (count === 0) throw new DomainError("conflict", "This proposal was decided a moment ago.");
    const changes = newChangeSet(input.orgId, eventActorOf(input.actor));
    const counts =
      state === "ACCEPTED"
        ? await applyKnowledgePart(tx, changes, part, proposal.departmentId, {
            source: "AGENT",
            userId: input.actor.kind === "user" ? input.actor.userId : null,
            apiKeyId: null,
            taskId: proposal.taskId,
            agentId: proposal.agentId,
            workflowRunId: proposal.workflowRunId,
            proposalId: proposal.id,
          })
        : null;
    await commitChanges(tx, changes);
    await recordEvent(tx, {
      orgId: input.orgId,
      type: "knowledge.proposal_decided",
      subject: { type: "knowledge_proposal", id: proposal.id },
      actor: changes.actor,
      data: { departmentId: proposal.departmentId, taskId: proposal.taskId, state },
    });
    return counts;
  });
  if (!result) return { id: proposal.id, state };
  const { observationIds, ...counts } = result;
  await embedObservations(input.orgId, observationIds);
  return { id: proposal.id, state, ...counts };
}
