import "server-only";
import { db } from "../db";
import { createWorkflow } from "../services/workflows/create-workflow";
import { publishWorkflow } from "../services/workflows/publish-workflow";
import { WORKFLOW_TEMPLATES } from "../services/workflows/templates";

/**
 * The demo org's workflows: one per gallery template, made with "Use
 * template" and published, so the builder, the runs and the REST API have
 * something real to show on a fresh start. Idempotent: a template the org
 * already has a workflow of is left alone (edits made in the demo survive).
 */
export async function seedWorkflows(input: { orgId: string; ownerUserId: string }): Promise<{ created: number }> {
  const actor = { kind: "user" as const, userId: input.ownerUserId };
  const existing = new Set(
    (
      await db.workflow.findMany({
        where: { orgId: input.orgId, templateId: { not: null } },
        select: { templateId: true },
      })
    ).map((w) => w.templateId),
  );
  let created = 0;
  for (const template of WORKFLOW_TEMPLATES) {
    if (existing.has(template.id)) continue;
    const workflow = await createWorkflow({
      orgId: input.orgId,
      actor,
      source: { kind: "template", templateId: template.id },
    });
    await publishWorkflow({ orgId: input.orgId, actor, workflowId: workflow.id, note: "Seeded from the template" });
    created += 1;
  }
  return { created };
}
