import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { checkLedger } from "@/server/services/ledger/check-ledger";
import { buyerWithCredits, publishDemoAgent, walletOf } from "../../support/task-fixtures";
import { flow, node, probedDemoAgents, runFlow, tasksOf, to, useWorkflowEngine, waitForRun } from "./engine-fixtures";

const agents = probedDemoAgents();
useWorkflowEngine([agents.route]);

describe("workflow engine: budget cap", () => {
  it("refuses a step that would pass the cap before its hold: no task, no hold, wallet untouched", async () => {
    const { agent } = await publishDemoAgent("northwind-data-analyst", 40);
    const buyer = await buyerWithCredits(500);
    const graph = flow(
      [
        node.trigger(),
        node.agent("analyse", agent.slug, "Figures: 1, 2, 3"),
        node.output("result", "{{ steps.analyse.output }}"),
      ],
      [to("start", "analyse"), to("analyse", "result")],
      30,
    );
    const before = await walletOf(buyer.org.id);
    const { runId } = await runFlow(buyer, graph);
    const { run, steps } = await waitForRun(runId);
    expect(run.state).toBe("FAILED");
    expect(steps.analyse!.state).toBe("FAILED");
    expect(steps.analyse!.taskId).toBeNull();
    expect((steps.analyse!.error as { message: string }).message).toBe(
      `Refused before starting: ${agent.name} costs 40 credits, which would take this run's spend ` +
        "from 0 to 40 credits, past its budget cap of 30.",
    );
    expect(run.error).toMatchObject({ nodeId: "analyse" });
    expect(await db.task.count({ where: { orgId: buyer.org.id } })).toBe(0);
    expect(await db.creditHold.count({ where: { orgId: buyer.org.id } })).toBe(0);
    expect(await walletOf(buyer.org.id)).toEqual(before);
    expect(run.spentCredits).toBe(0);
  });

  it("parallel steps cannot pass the cap together: the second one in is refused", async () => {
    const { agent } = await publishDemoAgent("northwind-data-analyst", 30);
    const buyer = await buyerWithCredits(500);
    const graph = flow(
      [node.trigger(), node.agent("a", agent.slug, "Figures: 1, 2"), node.agent("b", agent.slug, "Figures: 3, 4")],
      [to("start", "a"), to("start", "b")],
      50,
    );
    const { runId } = await runFlow(buyer, graph);
    const { run, steps } = await waitForRun(runId);
    expect([steps.a!.state, steps.b!.state].sort()).toEqual(["FAILED", "SUCCEEDED"]);
    const refused = steps.a!.state === "FAILED" ? steps.a! : steps.b!;
    expect((refused.error as { message: string }).message).toMatch(/from 30 to 60 credits, past its budget cap of 50/);
    expect(await tasksOf(runId)).toHaveLength(1);
    expect(run.spentCredits).toBe(30);
    expect(await walletOf(buyer.org.id)).toMatchObject({ ORG_WALLET: 470, ORG_HOLDS: 0 });
  });
});

describe("workflow engine: retries", () => {
  it("retries a failed attempt after its backoff (a durable sleep) with a new task, and succeeds", async () => {
    // The cap fits one task: the failed attempt's released hold gives its share of the cap back.
    const { agent } = await publishDemoAgent("northwind-contract-checker", 25);
    const probe = agents.probe("northwind-contract-checker");
    // A flaky agent: the first attempt's message reaches it with the demo's failure word in it.
    probe.rewrite = (body, messageId) => (messageId.endsWith(":1") ? body.replace('"text":"', '"text":"FAIL ') : body);
    const buyer = await buyerWithCredits(500);
    const graph = flow(
      [
        node.trigger(),
        node.agent("check", agent.slug, "Check: term of 24 months, liability capped", {
          retry: { maxAttempts: 3, backoffSeconds: 1 },
        }),
      ],
      [to("start", "check")],
      25,
    );
    const sentBefore = probe.messageIds.length;
    const { runId } = await runFlow(buyer, graph);
    const { run, steps } = await waitForRun(runId);
    probe.rewrite = undefined;
    expect(run.state).toBe("SUCCEEDED");
    expect(steps.check!).toMatchObject({ state: "SUCCEEDED", attempt: 2, error: null, costCredits: 25 });
    const sent = probe.messageIds.slice(sentBefore);
    expect(sent).toEqual([`workflow:${runId}:1:check:-:1`, `workflow:${runId}:1:check:-:2`]);
    const tasks = await db.task.findMany({
      where: { clientMessageId: { in: sent } },
      orderBy: { createdAt: "asc" },
      select: { state: true, createdAt: true, finishedAt: true, hold: { select: { status: true } } },
    });
    expect(tasks.map((t) => [t.state, t.hold?.status])).toEqual([
      ["FAILED", "RELEASED"],
      ["COMPLETED", "CAPTURED"],
    ]);
    expect(tasks[1]!.createdAt.getTime() - tasks[0]!.finishedAt!.getTime()).toBeGreaterThanOrEqual(1_000);
    expect(run.spentCredits).toBe(25);
    expect(await walletOf(buyer.org.id)).toMatchObject({ ORG_WALLET: 475, ORG_HOLDS: 0 });
    expect(await checkLedger(db)).toMatchObject({ ok: true });
    const changes = await db.event.findMany({
      where: { subjectId: runId, type: "workflow_step.state_changed" },
      orderBy: { id: "asc" },
    });
    const check = changes.map((e) => e.data as { nodeId: string; to: string }).filter((d) => d.nodeId === "check");
    expect(check.map((d) => d.to)).toEqual(["RUNNING", "WAITING", "RUNNING", "SUCCEEDED"]);
  });

  it("fails the step once every attempt failed, saying how many", async () => {
    const { agent } = await publishDemoAgent("northwind-contract-checker", 25);
    const buyer = await buyerWithCredits(500);
    const graph = flow(
      [
        node.trigger(),
        node.agent("check", agent.slug, "Please FAIL", { retry: { maxAttempts: 2, backoffSeconds: 1 } }),
      ],
      [to("start", "check")],
    );
    const { runId } = await runFlow(buyer, graph);
    const { run, steps } = await waitForRun(runId);
    expect(run.state).toBe("FAILED");
    expect(steps.check!).toMatchObject({ state: "FAILED", attempt: 2, costCredits: 0 });
    expect((steps.check!.error as { message: string }).message).toMatch(
      /^The agent's task failed: .+ \(after 2 attempts\)$/,
    );
    expect(await walletOf(buyer.org.id)).toMatchObject({ ORG_WALLET: 500, ORG_HOLDS: 0 });
  });
});

describe("workflow engine: delay", () => {
  it("waits durably between its neighbours", async () => {
    const buyer = await buyerWithCredits(0);
    const graph = flow(
      [node.trigger(), node.transform("before", "a"), node.delay("pause", 2), node.transform("after", "b")],
      [to("start", "before"), to("before", "pause"), to("pause", "after")],
    );
    const { runId } = await runFlow(buyer, graph);
    const { run, steps } = await waitForRun(runId);
    expect(run.state).toBe("SUCCEEDED");
    expect(steps.after!.createdAt.getTime()).toBeLessThan(steps.pause!.updatedAt.getTime());
    expect(steps.after!.finishedAt!.getTime() - steps.before!.finishedAt!.getTime()).toBeGreaterThanOrEqual(2_000);
  });
});
