import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { checkLedger } from "@/server/services/ledger/check-ledger";
import { buyerWithCredits, publishDemoAgent, walletOf } from "../../support/task-fixtures";
import { describeRun, flow, node, runFlow, tasksOf, to, useWorkflowEngine, waitForRun } from "./engine-fixtures";

useWorkflowEngine();

describe("workflow engine: waves", () => {
  it("runs ready nodes together, each later node after its sources, as billed WORKFLOW tasks", async () => {
    const { agent } = await publishDemoAgent("northwind-data-analyst", 20);
    const buyer = await buyerWithCredits(500);
    const graph = flow(
      [
        node.trigger(),
        node.agent("left", agent.slug, "Figures for {{ input.topic }}: 4, 8, 15"),
        node.agent("right", agent.slug, "Figures for {{ input.topic }}: 16, 23, 42"),
        node.agent("both", agent.slug, "Compare: {{ steps.left.output | size }} and {{ steps.right.output | size }}"),
        node.output("result", "{{ steps.both.output }}"),
      ],
      [to("start", "left"), to("start", "right"), to("left", "both"), to("right", "both"), to("both", "result")],
    );
    const { runId } = await runFlow(buyer, graph, { topic: "grid batteries" });
    const { run, steps } = await waitForRun(runId);

    expect(run.state).toBe("SUCCEEDED");
    expect(Object.values(steps).map((s) => s.state)).toEqual(Array(5).fill("SUCCEEDED"));
    // left and right ran at the same time; both only after each of them ended.
    const { left, right, both } = steps;
    expect(left!.startedAt!.getTime()).toBeLessThan(right!.finishedAt!.getTime());
    expect(right!.startedAt!.getTime()).toBeLessThan(left!.finishedAt!.getTime());
    expect(both!.startedAt!.getTime()).toBeGreaterThanOrEqual(
      Math.max(left!.finishedAt!.getTime(), right!.finishedAt!.getTime()),
    );
    expect(both!.output).toBeTruthy();
    expect(run.output).toBe(both!.output);
    // Each agent step was one task, from the WORKFLOW door, paid once.
    const tasks = await tasksOf(runId);
    expect(tasks.map((t) => [t.source, t.state, t.hold?.status])).toEqual(
      Array(3).fill(["WORKFLOW", "COMPLETED", "CAPTURED"]),
    );
    expect(new Set(tasks.map((t) => t.clientMessageId)).size).toBe(3);
    expect(run.spentCredits).toBe(60);
    expect(Object.values(steps).reduce((sum, s) => sum + s.costCredits, 0)).toBe(60);
    expect(await walletOf(buyer.org.id)).toMatchObject({ ORG_WALLET: 440, ORG_HOLDS: 0 });
    // The org's event log has every step's changes, about the run.
    const events = await db.event.findMany({
      where: { orgId: buyer.org.id, subjectId: runId },
      select: { type: true, data: true },
    });
    const stepTo = events
      .filter((e) => e.type === "workflow_step.state_changed")
      .map((e) => e.data as { nodeId: string; to: string });
    expect(stepTo.filter((e) => e.nodeId === "left").map((e) => e.to)).toEqual(["RUNNING", "SUCCEEDED"]);
    const runTo = events
      .filter((e) => e.type === "workflow_run.state_changed")
      .map((e) => (e.data as { to: string }).to);
    expect(runTo.at(0)).toBe("RUNNING");
    expect(runTo.at(-1)).toBe("SUCCEEDED");
    expect(await checkLedger(db)).toMatchObject({ ok: true });
  });

  it("takes a condition's true branch and skips the other, and the false branch the other way", async () => {
    const buyer = await buyerWithCredits(0);
    const graph = flow(
      [
        node.trigger(),
        node.condition("big", "input.amount > 100"),
        node.transform("approve", "Approve {{ input.amount }}"),
        node.transform("review", "Review {{ input.amount }}"),
        node.transform("after_review", "Reviewed: {{ steps.review.output }}"),
        node.output("result", "{{ steps.approve.output }}{{ steps.after_review.output }}"),
      ],
      [
        to("start", "big"),
        to("big", "review", "true"),
        to("big", "approve", "false"),
        to("review", "after_review"),
        to("approve", "result"),
        to("after_review", "result"),
      ],
    );
    const big = await runFlow(buyer, graph, { amount: 250 });
    const small = await runFlow(buyer, graph, { amount: 20 });
    const [bigRun, smallRun] = await Promise.all([waitForRun(big.runId), waitForRun(small.runId)]);

    expect(bigRun.run.state).toBe("SUCCEEDED");
    expect(bigRun.states).toMatchObject({
      big: "SUCCEEDED",
      review: "SUCCEEDED",
      after_review: "SUCCEEDED",
      approve: "SKIPPED",
      result: "SUCCEEDED",
    });
    expect(bigRun.steps.big!.data).toBe(true);
    expect(bigRun.run.output).toBe("Reviewed: Review 250");
    expect(smallRun.states).toMatchObject({
      big: "SUCCEEDED",
      approve: "SUCCEEDED",
      review: "SKIPPED",
      after_review: "SKIPPED",
    });
    expect(smallRun.steps.big!.data).toBe(false);
    expect(smallRun.run.output).toBe("Approve 20");
  });

  it("JSON transforms parse their result; data is addressable by later nodes", async () => {
    const buyer = await buyerWithCredits(0);
    const graph = flow(
      [
        node.trigger(),
        node.transform(
          "shape",
          '{"languages": {{ input.languages | json }}, "count": {{ input.languages | size }}}',
          "json",
        ),
        node.output(
          "result",
          '{"first": "{{ steps.shape.data.languages[0] }}", "count": {{ steps.shape.data.count }}}',
          "json",
        ),
      ],
      [to("start", "shape"), to("shape", "result")],
    );
    const { runId } = await runFlow(buyer, graph, { languages: ["de", "fr"] });
    const { run } = await waitForRun(runId);
    expect(run.state).toBe("SUCCEEDED");
    expect(run.output).toEqual({ first: "de", count: 2 });
  });
});

describe("workflow engine: errors point at the node and the character", () => {
  it("fails the run on a template error with the node, the field and the position", async () => {
    const buyer = await buyerWithCredits(0);
    // Well-formed (publish accepts it), but the input makes it do too much work when it renders.
    const template = "Hello\n  {% for i in (1..input.count) %}{{ i }}{% endfor %}";
    const graph = flow(
      [node.trigger(), node.transform("greet", template), node.output("result", "{{ steps.greet.output }}")],
      [to("start", "greet"), to("greet", "result")],
    );
    const { runId } = await runFlow(buyer, graph, { count: 50_000_000 }); // past the memory limit whatever the load
    const { run, steps } = await waitForRun(runId);
    expect(run.state).toBe("FAILED");
    expect(steps.greet!.state).toBe("FAILED");
    const error = steps.greet!.error as {
      message: string;
      nodeId: string;
      field: string;
      position: Record<string, number>;
    };
    expect(error).toMatchObject({
      nodeId: "greet",
      field: "config.template",
      position: { line: 2, column: 3, offset: 8 },
    });
    expect(error.message).toMatch(/^Template: The template built too much/);
    expect(template.slice(error.position.offset!)).toMatch(/^{% for/);
    expect(run.error).toMatchObject({ nodeId: "greet", field: "config.template", position: error.position });
    expect(steps.result!.state).toBe("PENDING");
  });

  it("a JSON transform whose text does not parse fails with a clear message", async () => {
    const buyer = await buyerWithCredits(0);
    const graph = flow(
      [node.trigger(), node.transform("shape", "{ not json {{ input.x }}", "json")],
      [to("start", "shape")],
    );
    const { runId } = await runFlow(buyer, graph, { x: 1 });
    const { run, steps } = await waitForRun(runId);
    expect(run.state).toBe("FAILED");
    expect((steps.shape!.error as { message: string }).message).toMatch(/not valid JSON/);
    expect(await describeRun(runId)).toMatchObject({ run: { error: { nodeId: "shape" } } });
  });
});
