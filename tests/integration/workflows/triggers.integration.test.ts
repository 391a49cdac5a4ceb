import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/hooks/workflows/[workflowId]/[secret]/route";
import { db } from "@/server/db";
import type { WorkflowGraph } from "@/server/schemas/workflow-graph";
import { createWorkflow } from "@/server/services/workflows/create-workflow";
import { publishWorkflow } from "@/server/services/workflows/publish-workflow";
import { scheduleProblem } from "@/server/services/workflows/triggers/schedule";
import { startScheduledRuns } from "@/server/services/workflows/triggers/start-scheduled-runs";
import { rotateWorkflowWebhook } from "@/server/services/workflows/triggers/webhook-trigger";
import { useTaskRuntime } from "../../support/app-server";
import { ownerWithOrg } from "../../support/factories";

useTaskRuntime();

const at = (x: number, y: number) => ({ x, y });

function graphWith(triggers: WorkflowGraph["nodes"]): WorkflowGraph {
  return {
    nodes: [
      ...triggers,
      {
        id: "greeting",
        name: "Greeting",
        type: "output",
        position: at(0, 200),
        config: { template: "Hello {{ input.name }}", format: "text" },
      },
    ],
    edges: triggers.map((t) => ({ id: `${t.id}-greeting`, source: t.id, target: "greeting" })),
    budgetCapCredits: null,
  };
}

async function publishedWorkflow(graph: WorkflowGraph) {
  const { user, org } = await ownerWithOrg();
  const actor = { kind: "user" as const, userId: user.id };
  const workflow = await createWorkflow({ orgId: org.id, actor, name: "Triggered", source: { kind: "graph", graph } });
  await publishWorkflow({ orgId: org.id, actor, workflowId: workflow.id });
  return { org, actor, workflowId: workflow.id };
}

const runsOf = (workflowId: string) =>
  db.workflowRun.findMany({
    where: { workflowId },
    orderBy: { createdAt: "asc" },
    select: { trigger: true, input: true },
  });

describe("schedule triggers", () => {
  const daily = graphWith([
    {
      id: "every_morning",
      name: "Every morning",
      type: "trigger",
      position: at(0, 0),
      config: { kind: "schedule", cron: "0 9 * * *", timeZone: "Europe/Paris", input: { name: "morning" } },
    },
  ]);

  it("starts one run per fire time, with the trigger's input, however often the sweep runs", async () => {
    const { workflowId } = await publishedWorkflow(daily);
    await db.workflowVersion.updateMany({ where: { workflowId }, data: { createdAt: new Date("2026-11-01T00:00Z") } });
    // 09:00 in Paris is 08:00 UTC in December.
    await startScheduledRuns(new Date("2026-12-01T08:01:00Z"));
    await startScheduledRuns(new Date("2026-12-01T08:03:00Z"));
    expect(await runsOf(workflowId)).toEqual([{ trigger: "SCHEDULE", input: { name: "morning" } }]);
    // Long after the fire (the app was down): skipped, as cron does; the next day's fire runs.
    await startScheduledRuns(new Date("2026-12-01T09:30:00Z"));
    await startScheduledRuns(new Date("2026-12-02T08:00:00Z"));
    expect(await runsOf(workflowId)).toHaveLength(2);
  });

  it("does not fire for a time before the version was published", async () => {
    const { workflowId } = await publishedWorkflow(daily);
    await db.workflowVersion.updateMany({
      where: { workflowId },
      data: { createdAt: new Date("2026-12-01T08:00:30Z") },
    });
    await startScheduledRuns(new Date("2026-12-01T08:01:00Z"));
    expect(await runsOf(workflowId)).toEqual([]);
  });

  it("explains a schedule that cannot work", () => {
    expect(scheduleProblem("0 9 * * 1-5", "America/New_York")).toBeNull();
    expect(scheduleProblem("61 * * * *", "UTC")).toMatch(/not a five-field cron expression.*minute/);
    expect(scheduleProblem("* * * * * *", "UTC")).toMatch(/five-field/);
    expect(scheduleProblem("0 9 * * *", "Mars/Olympus")).toMatch(/not a time zone/);
  });
});

describe("webhook triggers", () => {
  const hooked = graphWith([
    { id: "on_hook", name: "On webhook", type: "trigger", position: at(0, 0), config: { kind: "webhook" } },
  ]);

  const post = (path: string, body: string, headers: Record<string, string> = {}) => {
    const [, , , , workflowId, secret] = path.split("/");
    return POST(
      new Request(`http://localhost${path}`, {
        method: "POST",
        body,
        headers: { "content-type": "application/json", ...headers },
      }),
      { params: Promise.resolve({ workflowId: workflowId!, secret: secret! }) },
    );
  };

  it("starts a run with the JSON body as input; a redelivery returns the same run", async () => {
    const { org, actor, workflowId } = await publishedWorkflow(hooked);
    const { path } = await rotateWorkflowWebhook({ orgId: org.id, actor, workflowId });
    const first = await post(path, JSON.stringify({ name: "Ada" }), { "webhook-id": "msg_1" });
    expect(first.status).toBe(202);
    const started = (await first.json()) as { runId: string; created: boolean };
    expect(started.created).toBe(true);
    const again = await post(path, JSON.stringify({ name: "Ada" }), { "webhook-id": "msg_1" });
    expect(await again.json()).toEqual({ runId: started.runId, created: false });
    expect(await runsOf(workflowId)).toEqual([{ trigger: "WEBHOOK", input: { name: "Ada" } }]);
  });

  it("refuses wrong or retired secrets, bad JSON and workflows without a webhook trigger", async () => {
    const { org, actor, workflowId } = await publishedWorkflow(hooked);
    const { path: old } = await rotateWorkflowWebhook({ orgId: org.id, actor, workflowId });
    const { path } = await rotateWorkflowWebhook({ orgId: org.id, actor, workflowId });
    expect((await post(old, "{}")).status).toBe(404);
    expect((await post(`${path.slice(0, -3)}abc`, "{}")).status).toBe(404);
    expect((await post(path.replace(workflowId, "00000000-0000-7000-8000-000000000000"), "{}")).status).toBe(404);
    const badJson = await post(path, "{not json");
    expect(badJson.status).toBe(400);
    expect(await badJson.json()).toEqual({ error: { code: "invalid_json", message: "The request body is not JSON." } });
    expect(await runsOf(workflowId)).toEqual([]);

    const manual = await publishedWorkflow(
      graphWith([{ id: "by_hand", name: "By hand", type: "trigger", position: at(0, 0), config: { kind: "manual" } }]),
    );
    const { path: manualPath } = await rotateWorkflowWebhook({
      orgId: manual.org.id,
      actor: manual.actor,
      workflowId: manual.workflowId,
    });
    expect((await post(manualPath, "{}")).status).toBe(412);
    expect(await runsOf(manual.workflowId)).toEqual([]);
  });

  it("lets only the workflow's own org make its webhook", async () => {
    const { workflowId } = await publishedWorkflow(hooked);
    const stranger = await ownerWithOrg();
    await expect(
      rotateWorkflowWebhook({
        orgId: stranger.org.id,
        actor: { kind: "user", userId: stranger.user.id },
        workflowId,
      }),
    ).rejects.toMatchObject({ code: "not_found" });
  });
});
