import "server-only";
import type { Tx } from "../../db";
import { DomainError } from "../../errors";
import type { WorkflowGraph } from "../../schemas/workflow-graph";
import { recordEvent } from "../events/record-event";
import { graphJson } from "./stored-graph";
import { eventActorOf, userIdOf, type WorkflowActor } from "./workflow-actor";

export interface PublishedVersion {
  id: string;
  number: number;
  createdAt: Date;
  rolledBackFrom: number | null;
}

/**
 * Makes `graph` version n+1 of the workflow inside the caller's transaction.
 * The counter moves n -> n+1 only if it still reads n, so of two concurrent
 * publishes one gets n+1 and the other is refused instead of both writing it
 * (the unique (workflowId, number) backs this up).
 */
export async function publishVersion(
  tx: Tx,
  input: {
    orgId: string;
    workflowId: string;
    expectedVersion: number;
    graph: WorkflowGraph;
    actor: WorkflowActor;
    note: string | null;
    rolledBackFrom: number | null;
    /** Also make the draft this graph (a rollback). */
    resetDraft: boolean;
    now: Date;
  },
): Promise<PublishedVersion> {
  const number = input.expectedVersion + 1;
  const { count } = await tx.workflow.updateMany({
    where: { id: input.workflowId, orgId: input.orgId, latestVersion: input.expectedVersion },
    data: {
      latestVersion: number,
      ...(input.resetDraft ? { draftGraph: graphJson(input.graph), draftSavedAt: input.now } : {}),
    },
  });
  if (count === 0)
    throw new DomainError("conflict", "Someone else published this workflow a moment ago. Reload it and try again.");
  const version = await tx.workflowVersion.create({
    data: {
      workflowId: input.workflowId,
      number,
      graph: graphJson(input.graph),
      publishedById: userIdOf(input.actor),
      note: input.note,
      rolledBackFrom: input.rolledBackFrom,
      createdAt: input.now,
    },
    select: { id: true, number: true, createdAt: true, rolledBackFrom: true },
  });
  await recordEvent(tx, {
    orgId: input.orgId,
    type: "workflow.published",
    subject: { type: "workflow", id: input.workflowId },
    actor: eventActorOf(input.actor),
    data: { version: number, rolledBackFrom: input.rolledBackFrom },
  });
  return version;
}
