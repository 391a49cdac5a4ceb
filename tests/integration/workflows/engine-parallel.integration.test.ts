import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { checkLedger } from "@/server/services/ledger/check-ledger";
import { buyerWithCredits, publishDemoAgent, walletOf } from "../../support/task-fixtures";
import { flow, node, probedDemoAgents, runFlow, tasksOf, to, useWorkflowEngine, waitForRun } from "./engine-fixtures";

const agents = probedDemoAgents();
useWorkflowEngine([agents.route]);

describe("workflow engine: parallel and join", () => {
  it("join all waits for every branch, then goes on with both results", async () => {
    const { agent } = await publishDemoAgent("northwind-data-analyst", 10);
    const buyer = await buyerWithCredits(100);
    const graph = flow(
      [
        node.trigger(),
        node.parallel("fan"),
        node.agent("a", agent.slug, "Figures A: 1, 2, 3"),
        node.agent("b", agent.slug, "Figures B: 4, 5, 6"),
        node.join("join", "all"),
        node.output("result", "{{ steps.join.data.succeeded | join: ',' }}|{{ steps.a.state }}|{{ steps.b.state }}"),
      ],
      [to("start", "fan"), to("fan", "a"), to("fan", "b"), to("a", "join"), to("b", "join"), to("join", "result")],
    );
    const { runId } = await runFlow(buyer, graph);
    const { run, steps } = await waitForRun(runId);
    expect(run.state).toBe("SUCCEEDED");
    expect(run.output).toBe("a,b|succeeded|succeeded");
    expect(steps.join!.startedAt ?? steps.join!.finishedAt).not.toBeNull();
    expect(steps.join!.finishedAt!.getTime()).toBeGreaterThanOrEqual(
      Math.max(steps.a!.finishedAt!.getTime(), steps.b!.finishedAt!.getTime()),
    );
    expect(await walletOf(buyer.org.id)).toMatchObject({ ORG_WALLET: 80, ORG_HOLDS: 0 });
  });

  it("join first goes on at the first success and cancels the slower branch's task, releasing its hold", async () => {
    const fast = await publishDemoAgent("northwind-data-analyst", 10);
    const slow = await publishDemoAgent("northwind-research-analyst", 50);
    agents.probe("northwind-research-analyst").delayMs = 40_000;
    const buyer = await buyerWithCredits(200);
    const graph = flow(
      [
        node.trigger(),
        node.parallel("fan"),
        node.agent("quick", fast.agent.slug, "Figures: 1, 2, 3"),
        node.agent("slow", slow.agent.slug, "Deep dive on tidal power"),
        node.join("first", "first"),
        node.output("result", "winner: {{ steps.first.data.succeeded | join: ',' }}; slow: {{ steps.slow.state }}"),
      ],
      [
        to("start", "fan"),
        to("fan", "quick"),
        to("fan", "slow"),
        to("quick", "first"),
        to("slow", "first"),
        to("first", "result"),
      ],
    );
    const started = Date.now();
    const { runId } = await runFlow(buyer, graph);
    const { run, steps } = await waitForRun(runId);
    // Well before the slow agent would even have read its message.
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(run.state).toBe("SUCCEEDED");
    expect(steps.quick!.state).toBe("SUCCEEDED");
    expect(steps.slow!.state).toBe("CANCELED");
    expect(run.output).toBe("winner: quick; slow: canceled");
    // The loser's task was started, then canceled with its hold released: only the winner was paid.
    const tasks = await tasksOf(runId);
    const loser = tasks.find((t) => t.id === steps.slow!.taskId);
    expect(loser).toMatchObject({ state: "CANCELED", hold: { status: "RELEASED" } });
    expect(run.spentCredits).toBe(10);
    expect(steps.slow!.costCredits).toBe(0);
    await expect.poll(async () => walletOf(buyer.org.id)).toMatchObject({ ORG_WALLET: 190, ORG_HOLDS: 0 });
    expect(await checkLedger(db)).toMatchObject({ ok: true });
    agents.probe("northwind-research-analyst").delayMs = 0;
    agents.release();
  });
  it("a losing branch's undecided approval leaves the inbox with its step", async () => {
    const { agent } = await publishDemoAgent("northwind-data-analyst", 10);
    const buyer = await buyerWithCredits(100);
    const graph = flow(
      [
        node.trigger(),
        node.parallel("fan"),
        node.agent("quick", agent.slug, "Figures: 1, 2, 3"),
        node.approval("sign_off", "Sign off the figures by hand instead?"),
        node.join("first", "first"),
        node.output("result", "winner: {{ steps.first.data.succeeded | join: ',' }}"),
      ],
      [
        to("start", "fan"),
        to("fan", "quick"),
        to("fan", "sign_off"),
        to("quick", "first"),
        to("sign_off", "first"),
        to("first", "result"),
      ],
    );
    const { runId } = await runFlow(buyer, graph);
    const { run, steps } = await waitForRun(runId);
    expect(run.state).toBe("SUCCEEDED");
    expect(steps.sign_off!.state).toBe("CANCELED");
    const approvals = await db.approval.findMany({ where: { runId }, select: { state: true } });
    expect(approvals).toEqual([{ state: "EXPIRED" }]);
  });
});
