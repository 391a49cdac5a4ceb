import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/hooks/workflows/[workflowId]/[secret]/route";
import { db } from "@/server/db";
import type { WorkflowGraph } from "@/server/schemas/workflow-graph";
import { useTaskRuntime } from "../../support/app-server";
import { addMember, callerFor, createUser, ownerWithOrg } from "../../support/factories";
import { publishedWorkflow } from "./workflow-fixtures";

/** tRPC workflows.rotateWebhook: the absolute webhook URL, shown once, that starts runs until the next rotation. */
useTaskRuntime();

const at = { x: 0, y: 0 };
const hooked: WorkflowGraph = {
  nodes: [
    { id: "on_hook", name: "On webhook", type: "trigger", position: at, config: { kind: "webhook" } },
    {
      id: "out",
      name: "Out",
      type: "output",
      position: at,
      config: { template: "Hi {{ input.name }}", format: "text" },
    },
  ],
  edges: [{ id: "e1", source: "on_hook", target: "out" }],
  budgetCapCredits: null,
};

/** POSTs to the webhook route at `url`, as a sender would. */
function deliver(url: string, body: unknown) {
  const { pathname } = new URL(url);
  const [, , , , workflowId, secret] = pathname.split("/");
  return POST(
    new Request(url, { method: "POST", body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
    { params: Promise.resolve({ workflowId: workflowId!, secret: secret! }) },
  );
}

describe("workflows.rotateWebhook", () => {
  it("answers an absolute URL on the app that starts a run; rotating retires the previous one", async () => {
    const { user, org, caller } = await ownerWithOrg();
    const workflow = await publishedWorkflow(org.id, user.id, hooked);
    const { url } = await caller.workflows.rotateWebhook({ orgId: org.id, workflowId: workflow.id });
    expect(url).toMatch(
      new RegExp(`^${process.env.APP_URL}/api/hooks/workflows/${workflow.id}/whk_[A-Za-z0-9_-]{32}$`),
    );
    expect((await caller.workflows.get({ orgId: org.id, workflowId: workflow.id })).hasWebhookSecret).toBe(true);
    const delivered = await deliver(url, { name: "Ada" });
    expect(delivered.status).toBe(202);

    const { url: next } = await caller.workflows.rotateWebhook({ orgId: org.id, workflowId: workflow.id });
    expect(next).not.toBe(url);
    expect((await deliver(url, { name: "Old" })).status).toBe(404);
    expect((await deliver(next, { name: "Bo" })).status).toBe(202);
    const runs = await db.workflowRun.findMany({
      where: { workflowId: workflow.id },
      orderBy: { createdAt: "asc" },
      select: { trigger: true, input: true },
    });
    expect(runs).toEqual([
      { trigger: "WEBHOOK", input: { name: "Ada" } },
      { trigger: "WEBHOOK", input: { name: "Bo" } },
    ]);
    // Only the secret's hash is stored.
    const stored = await db.workflow.findUniqueOrThrow({ where: { id: workflow.id } });
    expect(JSON.stringify(stored)).not.toContain(new URL(next).pathname.split("/").at(-1));
  });

  it("needs the member role, and another org's workflow is not found", async () => {
    const { user, org } = await ownerWithOrg();
    const workflow = await publishedWorkflow(org.id, user.id, hooked);
    const viewer = await createUser("Viewer");
    await addMember(org.id, viewer.id, "viewer");
    const asViewer = await callerFor(viewer.email);
    await expect(asViewer.workflows.rotateWebhook({ orgId: org.id, workflowId: workflow.id })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const stranger = await ownerWithOrg();
    await expect(
      stranger.caller.workflows.rotateWebhook({ orgId: stranger.org.id, workflowId: workflow.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const member = await createUser("Member");
    await addMember(org.id, member.id, "member");
    const asMember = await callerFor(member.email);
    const { url } = await asMember.workflows.rotateWebhook({ orgId: org.id, workflowId: workflow.id });
    expect((await deliver(url, {})).status).toBe(202);
  });
});
