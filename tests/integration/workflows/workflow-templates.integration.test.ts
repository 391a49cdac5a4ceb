import { beforeAll, describe, expect, it } from "vitest";
import { seedCatalog } from "@/server/seed/seed-catalog";
import { WORKFLOW_TEMPLATES } from "@/server/services/workflows/templates";
import { createWorkflow } from "@/server/services/workflows/create-workflow";
import { publishWorkflow } from "@/server/services/workflows/publish-workflow";
import { saveWorkflowDraft } from "@/server/services/workflows/save-workflow-draft";
import { createOrg, createUser, ownerWithOrg } from "../../support/factories";

beforeAll(async () => {
  // The templates call the demo catalog's listings; seeding is idempotent.
  const seller = await createUser("Northwind");
  await seedCatalog({ sellerOrgId: (await createOrg(seller.id, "Northwind Labs")).id, baseUrl: process.env.APP_URL! });
}, 60_000);

describe("workflow templates", () => {
  it("lists the gallery over tRPC, each template priced from the listed prices", async () => {
    const { org, caller } = await ownerWithOrg();
    const templates = await caller.workflows.templates({ orgId: org.id });
    expect(templates.map((t) => t.id)).toEqual(WORKFLOW_TEMPLATES.map((t) => t.id));
    expect(templates.length).toBeGreaterThanOrEqual(6);
    for (const template of templates) {
      expect(template.estimate.unpricedNodeIds, template.id).toEqual([]);
      expect(template.estimate.minCredits, template.id).toBeGreaterThan(0);
      expect(template.estimate.maxCredits, template.id).toBeGreaterThanOrEqual(template.estimate.minCredits);
    }
  });

  it("'Use template' makes an editable copy that publishes as it is", async () => {
    const { user, org, caller } = await ownerWithOrg();
    const template = WORKFLOW_TEMPLATES[0]!;
    const wf = await caller.workflows.create({ orgId: org.id, source: { kind: "template", templateId: template.id } });
    expect(wf).toMatchObject({ name: template.name, description: template.description, templateId: template.id });
    expect(wf.draftGraph).toEqual(template.graph);

    const actor = { kind: "user" as const, userId: user.id };
    const edited = { ...wf.draftGraph, budgetCapCredits: 5_000 };
    const { check } = await saveWorkflowDraft({ orgId: org.id, actor, workflowId: wf.id, graph: edited });
    expect(check.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect((await publishWorkflow({ orgId: org.id, actor, workflowId: wf.id })).version.number).toBe(1);
    // The gallery itself is untouched by the edit.
    expect(WORKFLOW_TEMPLATES[0]!.graph.budgetCapCredits).toBe(template.graph.budgetCapCredits);

    await expect(
      createWorkflow({ orgId: org.id, actor, source: { kind: "template", templateId: "no-such-template" } }),
    ).rejects.toMatchObject({ code: "not_found", message: "Workflow template not found." });
  });
});
