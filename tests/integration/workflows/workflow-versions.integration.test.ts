import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createWorkflow } from "@/server/services/workflows/create-workflow";
import { getVersionDiff } from "@/server/services/workflows/get-version-diff";
import { getWorkflow } from "@/server/services/workflows/get-workflow";
import { listWorkflowVersions } from "@/server/services/workflows/list-workflow-versions";
import { listWorkflows } from "@/server/services/workflows/list-workflows";
import { publishWorkflow } from "@/server/services/workflows/publish-workflow";
import { rollbackWorkflow } from "@/server/services/workflows/rollback-workflow";
import { saveWorkflowDraft } from "@/server/services/workflows/save-workflow-draft";
import { sellerAgent } from "../../support/billing-fixtures";
import { addMember, callerFor, createUser, ownerWithOrg } from "../../support/factories";
import { agentGraph, publishNext } from "./workflow-fixtures";

const as = (userId: string) => ({ kind: "user" as const, userId });

describe("workflow drafts and versions", () => {
  it("saves drafts, publishes immutable versions and lists them newest first", async () => {
    const { agent } = await sellerAgent(25);
    const { user, org } = await ownerWithOrg();
    const created = await createWorkflow({
      orgId: org.id,
      actor: as(user.id),
      name: "Brief",
      source: { kind: "blank" },
    });
    expect(created.latestVersion).toBe(0);
    expect(created.hasUnpublishedChanges).toBe(true);
    expect(created.draftGraph.nodes.map((n) => n.type)).toEqual(["trigger"]);

    const v1 = await publishNext(org.id, user.id, created.id, agentGraph(agent.slug, "first prompt"));
    const v2 = await publishNext(org.id, user.id, created.id, agentGraph(agent.slug, "second prompt"));
    expect([v1.number, v2.number]).toEqual([1, 2]);

    const stored = await db.workflowVersion.findMany({ where: { workflowId: created.id }, orderBy: { number: "asc" } });
    const prompts = stored.map((v) => JSON.stringify(v.graph).match(/(first|second) prompt/)?.[0]);
    expect(prompts).toEqual(["first prompt", "second prompt"]);

    // A later draft changes neither version; saving answers with the issues and the price estimate.
    const saved = await saveWorkflowDraft({
      orgId: org.id,
      actor: as(user.id),
      workflowId: created.id,
      graph: agentGraph(agent.slug, "draft only"),
    });
    expect(saved.check.issues.filter((i) => i.severity === "error")).toEqual([]);
    expect(saved.check.estimate).toMatchObject({ minCredits: 25, maxCredits: 25, unpricedNodeIds: [] });
    const detail = await getWorkflow({ orgId: org.id, actor: as(user.id), workflowId: created.id });
    expect(detail.latestVersion).toBe(2);
    expect(detail.hasUnpublishedChanges).toBe(true);
    const after = await db.workflowVersion.findMany({ where: { workflowId: created.id }, orderBy: { number: "asc" } });
    expect(after.map((v) => v.graph)).toEqual(stored.map((v) => v.graph));

    const versions = await listWorkflowVersions({
      orgId: org.id,
      actor: as(user.id),
      workflowId: created.id,
      limit: 1,
    });
    expect(versions.items.map((v) => v.number)).toEqual([2]);
    const rest = await listWorkflowVersions({
      orgId: org.id,
      actor: as(user.id),
      workflowId: created.id,
      limit: 10,
      cursor: versions.nextCursor,
    });
    expect(rest.items.map((v) => v.number)).toEqual([1]);
    expect(rest.items[0]!.publishedByName).toBe("Owner");
  });

  it("refuses a malformed graph naming the field, and changes nothing", async () => {
    const { user, org } = await ownerWithOrg();
    const wf = await createWorkflow({ orgId: org.id, actor: as(user.id), source: { kind: "blank" } });
    const bad = {
      nodes: [{ id: "Bad Id", type: "trigger", name: "x", position: { x: 0, y: 0 }, config: {} }],
      edges: [],
    };
    await expect(
      saveWorkflowDraft({ orgId: org.id, actor: as(user.id), workflowId: wf.id, graph: bad }),
    ).rejects.toMatchObject({ code: "invalid_input", message: expect.stringMatching(/nodes\.0\./) });
    await expect(
      createWorkflow({ orgId: org.id, actor: as(user.id), source: { kind: "graph", graph: { nodes: "no" } } }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    const row = await db.workflow.findUniqueOrThrow({ where: { id: wf.id } });
    expect(row.draftSavedAt).toEqual(wf.draftSavedAt);
  });

  it("refuses to overwrite a draft saved elsewhere since the editor loaded it", async () => {
    const { agent } = await sellerAgent();
    const { user, org } = await ownerWithOrg();
    const wf = await createWorkflow({ orgId: org.id, actor: as(user.id), source: { kind: "blank" } });
    const first = await saveWorkflowDraft({
      orgId: org.id,
      actor: as(user.id),
      workflowId: wf.id,
      graph: agentGraph(agent.slug, "tab one"),
      expectedSavedAt: wf.draftSavedAt,
    });
    await expect(
      saveWorkflowDraft({
        orgId: org.id,
        actor: as(user.id),
        workflowId: wf.id,
        graph: agentGraph(agent.slug, "tab two"),
        expectedSavedAt: wf.draftSavedAt,
      }),
    ).rejects.toMatchObject({ code: "conflict" });
    const row = await db.workflow.findUniqueOrThrow({ where: { id: wf.id } });
    expect(JSON.stringify(row.draftGraph)).toContain("tab one");
    expect(row.draftSavedAt).toEqual(first.workflow.draftSavedAt);
  });

  it("refuses to publish a graph with errors, saying which node, and publishes nothing", async () => {
    const { user, org } = await ownerWithOrg();
    const wf = await createWorkflow({
      orgId: org.id,
      actor: as(user.id),
      source: { kind: "graph", graph: agentGraph("no-such-listing-anywhere") },
    });
    const saved = await saveWorkflowDraft({
      orgId: org.id,
      actor: as(user.id),
      workflowId: wf.id,
      graph: agentGraph("no-such-listing-anywhere"),
    });
    expect(saved.check.issues).toContainEqual(
      expect.objectContaining({ severity: "error", nodeId: "research", field: "config.target" }),
    );
    await expect(publishWorkflow({ orgId: org.id, actor: as(user.id), workflowId: wf.id })).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringMatching(/^Fix the workflow before publishing: .*no-such-listing-anywhere/),
      details: expect.objectContaining({ nodeId: "research" }),
    });
    expect(await db.workflowVersion.count({ where: { workflowId: wf.id } })).toBe(0);
    expect((await db.workflow.findUniqueOrThrow({ where: { id: wf.id } })).latestVersion).toBe(0);
  });

  it("refuses a sub-workflow that is foreign, unpublished or itself", async () => {
    const { user, org } = await ownerWithOrg();
    const other = await ownerWithOrg();
    const foreign = await createWorkflow({ orgId: other.org.id, actor: as(other.user.id), source: { kind: "blank" } });
    const unpublished = await createWorkflow({ orgId: org.id, actor: as(user.id), source: { kind: "blank" } });
    const wf = await createWorkflow({ orgId: org.id, actor: as(user.id), source: { kind: "blank" } });
    const sub = (id: string, workflowId: string) => ({
      id,
      type: "subworkflow" as const,
      name: id,
      position: { x: 0, y: 0 },
      config: { workflowId, template: "" },
    });
    const graph = {
      nodes: [
        { id: "start", type: "trigger", name: "Start", position: { x: 0, y: 0 }, config: { kind: "manual" } },
        sub("foreign", foreign.id),
        sub("unpublished", unpublished.id),
        sub("itself", wf.id),
      ],
      edges: [],
    };
    const { check } = await saveWorkflowDraft({ orgId: org.id, actor: as(user.id), workflowId: wf.id, graph });
    const byNode = Object.fromEntries(
      check.issues.filter((i) => i.field === "config.workflowId").map((i) => [i.nodeId, i]),
    );
    expect(byNode.foreign?.message).toMatch(/does not exist in this organization/);
    expect(byNode.unpublished?.message).toMatch(/never been published/);
    expect(byNode.itself?.message).toMatch(/this same workflow/);
  });

  it("rolls back by publishing the old graph as the newest version, and resets the draft to it", async () => {
    const { agent } = await sellerAgent();
    const { user, org } = await ownerWithOrg();
    const wf = await createWorkflow({ orgId: org.id, actor: as(user.id), source: { kind: "blank" } });
    await publishNext(org.id, user.id, wf.id, agentGraph(agent.slug, "good prompt"));
    await publishNext(org.id, user.id, wf.id, agentGraph(agent.slug, "bad prompt"));
    const v3 = await rollbackWorkflow({ orgId: org.id, actor: as(user.id), workflowId: wf.id, toVersion: 1 });
    expect(v3).toMatchObject({ number: 3, rolledBackFrom: 1 });
    const versions = await db.workflowVersion.findMany({ where: { workflowId: wf.id }, orderBy: { number: "asc" } });
    expect(versions[2]!.graph).toEqual(versions[0]!.graph);
    expect(versions[2]!.note).toBe("Rolled back to version 1");
    const detail = await getWorkflow({ orgId: org.id, actor: as(user.id), workflowId: wf.id });
    expect(JSON.stringify(detail.draftGraph)).toContain("good prompt");
    expect(detail.hasUnpublishedChanges).toBe(false);
    const events = await db.event.findMany({ where: { orgId: org.id, subjectId: wf.id }, orderBy: { id: "asc" } });
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ["workflow.created", { name: "Untitled workflow", templateId: null }],
      ["workflow.published", { version: 1, rolledBackFrom: null }],
      ["workflow.published", { version: 2, rolledBackFrom: null }],
      ["workflow.published", { version: 3, rolledBackFrom: 1 }],
    ]);
    const diff = await getVersionDiff({ orgId: org.id, actor: as(user.id), workflowId: wf.id, from: 1, to: 2 });
    expect(diff.diff.nodes.changed).toEqual([
      {
        nodeId: "research",
        name: "Research",
        changes: [{ path: "config.template", before: "good prompt", after: "bad prompt" }],
      },
    ]);
    expect(diff.diff.nodes.added).toEqual([]);
    expect([diff.from.version, diff.to.version]).toEqual([1, 2]);
    const toDraft = await getVersionDiff({
      orgId: org.id,
      actor: as(user.id),
      workflowId: wf.id,
      from: 3,
      to: "draft",
    });
    expect(toDraft.to.version).toBeNull();
    expect(toDraft.diff.nodes.changed).toEqual([]);
    await expect(
      getVersionDiff({ orgId: org.id, actor: as(user.id), workflowId: wf.id, from: 1, to: 7 }),
    ).rejects.toMatchObject({ code: "not_found", message: "This workflow has no version 7." });
    await expect(
      rollbackWorkflow({ orgId: org.id, actor: as(user.id), workflowId: wf.id, toVersion: 9 }),
    ).rejects.toMatchObject({ code: "not_found" });
    await expect(
      rollbackWorkflow({ orgId: org.id, actor: as(user.id), workflowId: wf.id, toVersion: 3 }),
    ).rejects.toMatchObject({ code: "invalid_input" });
  });

  it("never gives two concurrent publishes the same version number (the loser is refused)", async () => {
    const { agent } = await sellerAgent();
    const { user, org } = await ownerWithOrg();
    const wf = await createWorkflow({
      orgId: org.id,
      actor: as(user.id),
      source: { kind: "graph", graph: agentGraph(agent.slug) },
    });
    const results = await Promise.allSettled([
      publishWorkflow({ orgId: org.id, actor: as(user.id), workflowId: wf.id }),
      publishWorkflow({ orgId: org.id, actor: as(user.id), workflowId: wf.id }),
    ]);
    const numbers = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.version.number] : []));
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as { code: string }] : []));
    expect(numbers.length + refused.length).toBe(2);
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const reason of refused) expect(reason.code).toBe("conflict");
    expect(await db.workflowVersion.count({ where: { workflowId: wf.id } })).toBe(numbers.length);
  });

  it("pages the org's workflows by last change, and never lists or opens another org's", async () => {
    const { user, org } = await ownerWithOrg();
    const other = await ownerWithOrg();
    const ids: string[] = [];
    for (const name of ["A", "B", "C"])
      ids.push((await createWorkflow({ orgId: org.id, actor: as(user.id), name, source: { kind: "blank" } })).id);
    const foreign = await createWorkflow({ orgId: other.org.id, actor: as(other.user.id), source: { kind: "blank" } });
    const first = await listWorkflows({ orgId: org.id, actor: as(user.id), limit: 2 });
    const second = await listWorkflows({ orgId: org.id, actor: as(user.id), limit: 2, cursor: first.nextCursor });
    expect([...first.items, ...second.items].map((w) => w.name)).toEqual(["C", "B", "A"]);
    expect(second.nextCursor).toBeNull();
    await expect(
      listWorkflows({ orgId: org.id, actor: as(user.id), limit: 2, cursor: "bm9wZQ" }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    for (const call of [
      () => getWorkflow({ orgId: org.id, actor: as(user.id), workflowId: foreign.id }),
      () => saveWorkflowDraft({ orgId: org.id, actor: as(user.id), workflowId: foreign.id, graph: foreign.draftGraph }),
      () => publishWorkflow({ orgId: org.id, actor: as(user.id), workflowId: foreign.id }),
      () => listWorkflowVersions({ orgId: org.id, actor: as(user.id), workflowId: foreign.id, limit: 5 }),
      () => rollbackWorkflow({ orgId: org.id, actor: as(user.id), workflowId: foreign.id, toVersion: 1 }),
      () => getVersionDiff({ orgId: org.id, actor: as(user.id), workflowId: foreign.id, from: 1, to: "draft" }),
    ])
      await expect(call()).rejects.toMatchObject({ code: "not_found" });
    // Someone outside the org cannot even read it with their own id.
    await expect(getWorkflow({ orgId: org.id, actor: as(other.user.id), workflowId: ids[0]! })).rejects.toMatchObject({
      code: "not_found",
    });
  });

  it("over tRPC: viewers read but cannot create, save or publish; a foreign org is not found", async () => {
    const { agent } = await sellerAgent();
    const { org, caller } = await ownerWithOrg();
    const viewer = await createUser("Viewer");
    await addMember(org.id, viewer.id, "viewer");
    const asViewer = await callerFor(viewer.email);
    const wf = await caller.workflows.create({
      orgId: org.id,
      source: { kind: "graph", graph: agentGraph(agent.slug) },
    });
    const published = await caller.workflows.publish({ orgId: org.id, workflowId: wf.id });
    expect(published.version.number).toBe(1);
    expect((await asViewer.workflows.get({ orgId: org.id, workflowId: wf.id })).latestVersion).toBe(1);
    expect((await asViewer.workflows.list({ orgId: org.id })).items.map((w) => w.id)).toEqual([wf.id]);
    await expect(asViewer.workflows.create({ orgId: org.id, source: { kind: "blank" } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      asViewer.workflows.saveDraft({ orgId: org.id, workflowId: wf.id, graph: wf.draftGraph }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asViewer.workflows.publish({ orgId: org.id, workflowId: wf.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const outsider = await ownerWithOrg();
    await expect(outsider.caller.workflows.get({ orgId: org.id, workflowId: wf.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(outsider.caller.workflows.get({ orgId: outsider.org.id, workflowId: wf.id })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});
