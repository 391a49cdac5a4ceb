import "server-only";
import { DomainError } from "../../errors";
import { eventTransaction } from "../events/event-transaction";
import { recordEvent } from "../events/record-event";
import { findWorkflowTemplate } from "./templates";
import { blankGraph, graphJson, parseGraphInput } from "./stored-graph";
import { authorizeWorkflowActor, eventActorOf, userIdOf, type WorkflowActor } from "./workflow-actor";
import { toWorkflowDetail, WORKFLOW_DETAIL_SELECT, type WorkflowDetail } from "./workflow-views";

/** What the new workflow's draft starts from. */
export type WorkflowSource =
  | { kind: "blank" }
  /** A copy of a gallery template (server/services/workflows/templates/). */
  | { kind: "template"; templateId: string }
  /** Any JSON: parsed against the graph schema, so a malformed graph is refused with the field named. */
  | { kind: "graph"; graph: unknown };

export interface CreateWorkflowInput {
  orgId: string;
  actor: WorkflowActor;
  /** Defaults to the template's name, or "Untitled workflow". */
  name?: string;
  description?: string;
  source: WorkflowSource;
}

/**
 * Creates a workflow whose draft is a blank canvas, a copy of a template
 * ("Use template": the copy is the org's to edit) or a given graph. Nothing
 * is published: the draft may still have problems, which saving and
 * publishing report.
 */
export async function createWorkflow(input: CreateWorkflowInput): Promise<WorkflowDetail> {
  await authorizeWorkflowActor(input.orgId, input.actor, "write");
  const template = input.source.kind === "template" ? findWorkflowTemplate(input.source.templateId) : null;
  if (input.source.kind === "template" && !template) throw new DomainError("not_found", "Workflow template not found.");
  const graph = input.source.kind === "graph" ? parseGraphInput(input.source.graph) : (template?.graph ?? blankGraph());
  const name = input.name?.trim() || template?.name || "Untitled workflow";
  const description = input.description?.trim() || template?.description || "";
  return eventTransaction(async (tx) => {
    const row = await tx.workflow.create({
      data: {
        orgId: input.orgId,
        name,
        description,
        draftGraph: graphJson(graph),
        templateId: template?.id ?? null,
        createdById: userIdOf(input.actor),
      },
      select: WORKFLOW_DETAIL_SELECT,
    });
    await recordEvent(tx, {
      orgId: input.orgId,
      type: "workflow.created",
      subject: { type: "workflow", id: row.id },
      actor: eventActorOf(input.actor),
      data: { name, templateId: row.templateId },
    });
    return toWorkflowDetail(row);
  });
}
