import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { checkLedger } from "@/server/services/ledger/check-ledger";
import { cancelWorkflowRun } from "@/server/services/workflows/cancel-workflow-run";
import { buyerWithCredits, publishDemoAgent, walletOf } from "../../support/task-fixtures";
import { flow, node, probedDemoAgents, runFlow, tasksOf, to, useWorkflowEngine, waitForRun } from "./engine-fixtures";
import { publishedWorkflow } from "./workflow-fixtures";

const agents = probedDemoAgents();
useWorkflowEngine([agents.route]);

describe("workflow engine: cancel", () => {
  it("cancels a run mid-wave: its running tasks end, their holds are released, nothing more starts", async () => {
    const { agent } = await publishDemoAgent("northwind-research-analyst", 20);
    const probe = agents.probe("northwind-research-analyst");
    probe.delayMs = 20_000;
    const buyer = await buyerWithCredits(300);
    const graph = flow(
      [
        node.trigger(),
        node.loop("each", "input.topics", 3),
        node.agent("brief", agent.slug, "Brief on {{ item }}", { parentId: "each" }),
        node.agent("summary", agent.slug, "Summarise {{ steps.each.output }}"),
      ],
      [to("start", "each"), to("each", "summary")],
    );
    const sentBefore = probe.messageIds.length;
    const { runId } = await runFlow(buyer, graph, { topics: ["tidal", "solar", "wind", "hydro"] });
    // Three elements' tasks are running (held at the agent); the fourth waits for a free slot.
    await expect
      .poll(async () => (await tasksOf(runId)).filter((t) => t.state === "WORKING").length, { timeout: 20_000 })
      .toBe(3);
    expect(await walletOf(buyer.org.id)).toMatchObject({ ORG_WALLET: 240, ORG_HOLDS: 60 });

    await cancelWorkflowRun({ orgId: buyer.org.id, actor: { kind: "user", userId: buyer.user.id }, runId });
    const { run, steps } = await waitForRun(runId);
    expect(run.state).toBe("CANCELED");
    await expect
      .poll(async () => (await tasksOf(runId)).map((t) => [t.state, t.hold?.status]), { timeout: 20_000 })
      .toEqual(Array(3).fill(["CANCELED", "RELEASED"]));
    await expect.poll(() => walletOf(buyer.org.id)).toMatchObject({ ORG_WALLET: 300, ORG_HOLDS: 0 });
    // The run's function stopped: the fourth element and the summary never started.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(probe.messageIds.length - sentBefore).toBe(3);
    expect(await db.task.count({ where: { orgId: buyer.org.id } })).toBe(3);
    const after = await waitForRun(runId);
    expect(after.steps["brief@3"]).toBeUndefined();
    expect(after.steps.summary!.state).toBe("CANCELED");
    expect(Object.entries(after.steps).filter(([, s]) => ["RUNNING", "WAITING", "PENDING"].includes(s.state))).toEqual(
      [],
    );
    await expect
      .poll(async () => (await db.workflowRun.findUniqueOrThrow({ where: { id: runId } })).spentCredits)
      .toBe(0);
    expect(steps.each!.state).toBe("CANCELED");
    expect(await checkLedger(db)).toMatchObject({ ok: true });
    probe.delayMs = 0;
    agents.release();
  }, 60_000);
});

describe("workflow engine: sub-workflows", () => {
  it("runs the named workflow as a child run and continues with its output and cost", async () => {
    const { agent } = await publishDemoAgent("northwind-data-analyst", 15);
    const buyer = await buyerWithCredits(100);
    const child = await publishedWorkflow(
      buyer.org.id,
      buyer.user.id,
      flow(
        [
          node.trigger(),
          node.agent("crunch", agent.slug, "Figures for {{ input.topic }}: 3, 5, 8"),
          node.output("result", '{"topic": "{{ input.topic }}", "chars": {{ steps.crunch.output | size }}}', "json"),
        ],
        [to("start", "crunch"), to("crunch", "result")],
      ),
      "Child flow",
    );
    const graph = flow(
      [
        node.trigger(),
        node.subworkflow("sub", child.id, '{"topic": "{{ input.topic | upcase }}"}'),
        node.output("result", "{{ steps.sub.data.topic }} / {{ steps.sub.state }}"),
      ],
      [to("start", "sub"), to("sub", "result")],
    );
    const { runId } = await runFlow(buyer, graph, { topic: "tides" });
    const { run, steps } = await waitForRun(runId);
    expect(run.state).toBe("SUCCEEDED");
    expect(run.output).toBe("TIDES / succeeded");
    const childRun = await db.workflowRun.findFirstOrThrow({ where: { parentRunId: runId } });
    expect(childRun).toMatchObject({
      trigger: "SUBWORKFLOW",
      parentNodeId: "sub",
      workflowId: child.id,
      state: "SUCCEEDED",
      input: { topic: "TIDES" },
      spentCredits: 15,
    });
    expect(steps.sub!.data).toMatchObject({ topic: "TIDES" });
    expect(steps.sub!.costCredits).toBe(15);
    expect(run.spentCredits).toBe(15);
  });

  it("a failed child fails its step with the child's reason", async () => {
    const buyer = await buyerWithCredits(0);
    const child = await publishedWorkflow(
      buyer.org.id,
      buyer.user.id,
      flow([node.trigger(), node.transform("parse", "{{ input.x }}", "json")], [to("start", "parse")]),
      "Failing child",
    );
    const graph = flow([node.trigger(), node.subworkflow("sub", child.id, '{"x": "not json"}')], [to("start", "sub")]);
    const { runId } = await runFlow(buyer, graph);
    const { run, steps } = await waitForRun(runId);
    expect(run.state).toBe("FAILED");
    expect((steps.sub!.error as { message: string }).message).toMatch(/^The sub-workflow run failed: .*not valid JSON/);
  });
});
