import "server-only";
import { db } from "../../db";
import { DomainError } from "../../errors";
import { Prisma } from "../../generated/prisma/client";
import type { WorkflowRunTrigger } from "../../generated/prisma/enums";
import type { InputJsonValue } from "../../generated/prisma/internal/prismaNamespace";
import { sendEvent } from "../../jobs/send";
import { eventTransaction } from "../events/event-transaction";
import { recordEvent } from "../events/record-event";
import { findOrgWorkflow } from "./find-org-workflow";
import { readStoredGraph } from "./stored-graph";
import { authorizeWorkflowActor, eventActorOf, userIdOf, type WorkflowActor } from "./workflow-actor";
import { runStartedEvent } from "./run-events";

export const IDEMPOTENCY_KEY_MAX_LENGTH = 200;
const IDEMPOTENCY_KEY_PATTERN = /^[\x21-\x7e]+$/;

export interface StartWorkflowRunInput {
  orgId: string;
  actor: WorkflowActor;
  workflowId: string;
  /** The run's input, as its nodes read it (`input.…`); any JSON. */
  input: unknown;
  trigger: Exclude<WorkflowRunTrigger, "PLAN" | "SUBWORKFLOW">;
  /** The caller's Idempotency-Key: starting again with it returns the run it started. */
  idempotencyKey?: string | null;
}

export interface StartedWorkflowRun {
  id: string;
  versionNumber: number;
  /** False when the idempotency key had already started this run. */
  created: boolean;
}

/**
 * Starts a run of the workflow's newest published version. The run freezes
 * that version's graph, so publishing later never changes it. The run row
 * and workflow_run.started commit together; `workflow/run.started` leaves
 * after commit (id per run and generation, so a repeat starts one execution),
 * and a retried start of a run still PENDING sends it again, which covers a
 * send lost between commit and send.
 */
export async function startWorkflowRun(input: StartWorkflowRunInput): Promise<StartedWorkflowRun> {
  const key = input.idempotencyKey ?? null;
  if (key !== null && (key.length > IDEMPOTENCY_KEY_MAX_LENGTH || !IDEMPOTENCY_KEY_PATTERN.test(key)))
    throw new DomainError(
      "invalid_input",
      `An Idempotency-Key is 1 to ${IDEMPOTENCY_KEY_MAX_LENGTH} visible ASCII characters.`,
    );
  await authorizeWorkflowActor(input.orgId, input.actor, "run");
  if (key !== null) {
    const existing = await findByKey(input.orgId, key, input.workflowId);
    if (existing) return existing;
  }
  const workflow = await findOrgWorkflow(input.orgId, input.workflowId, {
    latestVersion: true,
    archivedAt: true,
    versions: { orderBy: { number: "desc" }, take: 1, select: { id: true, number: true, graph: true } },
  });
  if (workflow.archivedAt) throw new DomainError("not_eligible", "This workflow is archived; it cannot be run.");
  const version = workflow.versions[0];
  if (!version) throw new DomainError("not_eligible", "Publish the workflow before running it.");
  const graph = readStoredGraph(version.graph, `version ${version.number} of workflow ${input.workflowId}`);
  let run: { id: string; generation: number };
  try {
    run = await eventTransaction(async (tx) => {
      const created = await tx.workflowRun.create({
        data: {
          orgId: input.orgId,
          workflowId: input.workflowId,
          versionId: version.id,
          graph: version.graph as InputJsonValue,
          input: jsonInput(input.input),
          budgetCapCredits: graph.budgetCapCredits,
          idempotencyKey: key,
          trigger: input.trigger,
          createdById: userIdOf(input.actor),
          apiKeyId: input.actor.kind === "apiKey" ? input.actor.apiKeyId : null,
        },
        select: { id: true, generation: true },
      });
      await recordEvent(tx, {
        orgId: input.orgId,
        type: "workflow_run.started",
        subject: { type: "workflow_run", id: created.id },
        actor: eventActorOf(input.actor),
        data: {
          workflowId: input.workflowId,
          version: version.number,
          trigger: input.trigger,
          generation: created.generation,
          budgetCapCredits: graph.budgetCapCredits,
          parentRunId: null,
        },
      });
      return created;
    });
  } catch (error) {
    if (key !== null && error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const raced = await findByKey(input.orgId, key, input.workflowId);
      if (raced) return raced;
    }
    throw error;
  }
  await sendEvent(runStartedEvent(run));
  return { id: run.id, versionNumber: version.number, created: true };
}

/** The run an idempotency key started (re-sending its start event while it is still PENDING). */
async function findByKey(orgId: string, key: string, workflowId: string): Promise<StartedWorkflowRun | null> {
  const run = await db.workflowRun.findUnique({
    where: { orgId_idempotencyKey: { orgId, idempotencyKey: key } },
    select: { id: true, workflowId: true, state: true, generation: true, version: { select: { number: true } } },
  });
  if (!run) return null;
  if (run.workflowId !== workflowId)
    throw new DomainError("conflict", "This Idempotency-Key already started a run of another workflow; use a new key.");
  if (run.state === "PENDING") await sendEvent(runStartedEvent(run));
  return { id: run.id, versionNumber: run.version?.number ?? 0, created: false };
}

/** Whatever the door parsed as JSON; no input at all is an empty object, a JSON null stays null. */
function jsonInput(value: unknown): InputJsonValue | typeof Prisma.JsonNull {
  if (value === undefined) return {};
  if (value === null) return Prisma.JsonNull;
  return value as InputJsonValue;
}
