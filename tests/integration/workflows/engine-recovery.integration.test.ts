import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import type { InputJsonValue } from "@/server/generated/prisma/internal/prismaNamespace";
import { checkLedger } from "@/server/services/ledger/check-ledger";
import { sweepWorkflowRuns } from "@/server/services/workflows/engine/sweep-runs";
import { retryWorkflowRun } from "@/server/services/workflows/retry-workflow-run";
import { buyerWithCredits, publishDemoAgent, walletOf } from "../../support/task-fixtures";
import {
  flow,
  node,
  probedDemoAgents,
  runFlow,
  tasksOf,
  to,
  useWorkflowEngine,
  waitForRun,
  waitForStep,
} from "./engine-fixtures";
import { publishedWorkflow } from "./workflow-fixtures";

const agents = probedDemoAgents();
useWorkflowEngine([agents.route]);

describe("workflow engine: a retried run resumes from its rows", () => {
  it("keeps what succeeded and runs the failed step again as a new generation", async () => {
    const analyst = await publishDemoAgent("northwind-data-analyst", 10);
    const checker = await publishDemoAgent("northwind-contract-checker", 20);
    const checkerProbe = agents.probe("northwind-contract-checker");
    const analystProbe = agents.probe("northwind-data-analyst");
    // The first generation's check reaches the agent with its failure word in it.
    checkerProbe.rewrite = (body, messageId) =>
      /:1:check:/.test(messageId) ? body.replace('"text":"', '"text":"FAIL ') : body;
    const buyer = await buyerWithCredits(200);
    const graph = flow(
      [
        node.trigger(),
        node.agent("figures", analyst.agent.slug, "Figures: 2, 4, 8"),
        node.agent("check", checker.agent.slug, "Check: term of 12 months. Context: {{ steps.figures.output | size }}"),
        node.output("result", "{{ steps.check.output }}"),
      ],
      [to("start", "figures"), to("figures", "check"), to("check", "result")],
    );
    const { runId } = await runFlow(buyer, graph);
    const failed = await waitForRun(runId);
    expect(failed.run.state).toBe("FAILED");
    expect(failed.states).toMatchObject({ figures: "SUCCEEDED", check: "FAILED", result: "PENDING" });

    await retryWorkflowRun({ orgId: buyer.org.id, actor: { kind: "user", userId: buyer.user.id }, runId });
    const { run, steps } = await waitForRun(runId);
    checkerProbe.rewrite = undefined;
    expect(run).toMatchObject({ state: "SUCCEEDED", generation: 2 });
    expect(steps.check!.state).toBe("SUCCEEDED");
    const ours = (ids: string[]) => ids.filter((id) => id.startsWith(`workflow:${runId}:`));
    // The step that had succeeded was not run again; the failed one ran once more, in generation 2.
    expect(ours(analystProbe.messageIds)).toEqual([`workflow:${runId}:1:figures:-:1`]);
    expect(ours(checkerProbe.messageIds)).toEqual([`workflow:${runId}:1:check:-:1`, `workflow:${runId}:2:check:-:2`]);
    expect(run.spentCredits).toBe(30);
    expect(await walletOf(buyer.org.id)).toMatchObject({ ORG_WALLET: 170, ORG_HOLDS: 0 });
    expect(await checkLedger(db)).toMatchObject({ ok: true });
  });
});

describe("workflow engine: agents that ask for input", () => {
  it("fails the step (a workflow cannot answer), canceling the task and releasing its hold", async () => {
    const { agent } = await publishDemoAgent("northwind-intake-coordinator", 20);
    const buyer = await buyerWithCredits(100);
    const graph = flow(
      [node.trigger(), node.agent("intake", agent.slug, "Scope the Q3 churn review")],
      [to("start", "intake")],
    );
    const { runId } = await runFlow(buyer, graph);
    const { run, steps } = await waitForRun(runId);
    expect(run.state).toBe("FAILED");
    expect((steps.intake!.error as { message: string }).message).toMatch(
      /^The agent asked for input \("Which date range should I cover\?"\), which a workflow step cannot give/,
    );
    await expect
      .poll(async () => (await tasksOf(runId)).map((t) => [t.state, t.hold?.status]))
      .toEqual([["CANCELED", "RELEASED"]]);
    expect(await walletOf(buyer.org.id)).toMatchObject({ ORG_WALLET: 100, ORG_HOLDS: 0 });
  });
});

describe("workflow engine: the sweep", () => {
  it("starts a run whose start event was lost, once", async () => {
    const buyer = await buyerWithCredits(0);
    const graph = flow([node.trigger(), node.output("result", "hello {{ input.who }}")], [to("start", "result")]);
    const workflow = await publishedWorkflow(buyer.org.id, buyer.user.id, graph, "Lost start");
    const version = await db.workflowVersion.findFirstOrThrow({ where: { workflowId: workflow.id } });
    // A run committed three minutes ago whose start never left (a crash between commit and send).
    const lost = await db.workflowRun.create({
      data: {
        orgId: buyer.org.id,
        workflowId: workflow.id,
        versionId: version.id,
        graph: version.graph as InputJsonValue,
        input: { who: "sweep" },
        trigger: "MANUAL",
        createdById: buyer.user.id,
        createdAt: new Date(Date.now() - 3 * 60_000),
      },
    });
    const swept = await sweepWorkflowRuns();
    expect(swept.restarted).toBeGreaterThanOrEqual(1);
    const { run } = await waitForRun(lost.id);
    expect(run).toMatchObject({ state: "SUCCEEDED", output: "hello sweep" });
    // A second sweep finds nothing left to start.
    await sweepWorkflowRuns();
    const started = await db.event.count({ where: { subjectId: lost.id, type: "workflow_run.state_changed" } });
    expect(started).toBe(2);
  });

  it("wakes a run that missed its approval's wake", async () => {
    const buyer = await buyerWithCredits(0);
    const graph = flow(
      [node.trigger(), node.approval("ok", "Go?"), node.output("result", "{{ steps.ok.data.decision }}")],
      [to("start", "ok"), to("ok", "result")],
    );
    const { runId } = await runFlow(buyer, graph);
    await waitForStep(runId, "ok", "WAITING");
    await expect.poll(() => db.approval.count({ where: { runId } })).toBe(1);
    // Let the run's own re-reads back off to 30 s, then decide with no event (as if its send was lost).
    await new Promise((resolve) => setTimeout(resolve, 8_000));
    await db.approval.updateMany({
      where: { runId },
      data: { state: "APPROVED", decidedAt: new Date(), decidedById: buyer.user.id },
    });
    await db.workflowStepRun.updateMany({
      where: { runId, nodeId: "ok" },
      data: { updatedAt: new Date(Date.now() - 2 * 60_000) },
    });
    const sweptAt = Date.now();
    expect((await sweepWorkflowRuns()).woken).toBeGreaterThanOrEqual(1);
    const { run } = await waitForRun(runId);
    expect(Date.now() - sweptAt).toBeLessThan(15_000);
    expect(run).toMatchObject({ state: "SUCCEEDED", output: "approved" });
  });
});
