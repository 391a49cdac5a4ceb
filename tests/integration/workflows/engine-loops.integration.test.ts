import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { buyerWithCredits, publishDemoAgent, walletOf } from "../../support/task-fixtures";
import { flow, node, probedDemoAgents, runFlow, tasksOf, to, useWorkflowEngine, waitForRun } from "./engine-fixtures";

const agents = probedDemoAgents();
useWorkflowEngine([agents.route]);

describe("workflow engine: loops", () => {
  it("runs the body once per element, never more than `concurrency` at once, results in order", async () => {
    const { agent } = await publishDemoAgent("northwind-research-analyst", 5);
    const probe = agents.probe("northwind-research-analyst");
    // Long enough per call that the elements overlap whenever the engine lets them.
    probe.delayMs = 1_200;
    const buyer = await buyerWithCredits(100);
    const graph = flow(
      [
        node.trigger(),
        node.loop("each", "input.markets", 2),
        node.agent("brief", agent.slug, "Market brief {{ index }}: {{ item }}", { parentId: "each" }),
        node.transform("label", "{{ index }}={{ item }}:{{ steps.brief.state }}", "text", { parentId: "each" }),
        node.output("result", "{{ steps.each.data | join: ';' }}"),
      ],
      [to("start", "each"), to("brief", "label"), to("each", "result")],
    );
    const markets = ["batteries", "tidal", "geothermal", "hydrogen", "solar"];
    const { runId } = await runFlow(buyer, graph, { markets });
    const { run, steps } = await waitForRun(runId, undefined, 60_000);

    expect(run.state).toBe("SUCCEEDED");
    expect(run.output).toBe(markets.map((m, i) => `${i}=${m}:succeeded`).join(";"));
    expect(steps.each!.data).toEqual(markets.map((m, i) => `${i}=${m}:succeeded`));
    for (const i of markets.keys()) expect(steps[`brief@${i}`]!.state).toBe("SUCCEEDED");
    // The agent saw each element once, with its item, and at most two at a time (and two did overlap).
    expect(probe.texts.slice().sort()).toEqual(markets.map((m, i) => `Market brief ${i}: ${m}`).sort());
    expect(probe.maxInFlight).toBe(2);
    // The tasks' own lifetimes agree: no three overlapped.
    const tasks = await db.task.findMany({
      where: { id: { in: (await tasksOf(runId)).map((t) => t.id) } },
      select: { createdAt: true, finishedAt: true },
    });
    expect(tasks).toHaveLength(5);
    for (const t of tasks) {
      const overlapping = tasks.filter((o) => o.createdAt < t.finishedAt! && t.createdAt < o.finishedAt!);
      expect(overlapping.length).toBeLessThanOrEqual(2);
    }
    expect(run.spentCredits).toBe(25);
    expect(await walletOf(buyer.org.id)).toMatchObject({ ORG_WALLET: 75, ORG_HOLDS: 0 });
  }, 90_000);

  it("an element's failure fails the loop and the run, naming the element's step", async () => {
    const buyer = await buyerWithCredits(0);
    const graph = flow(
      [
        node.trigger(),
        node.loop("each", "input.rows", 1),
        node.transform("parse", "{{ item.value }}", "json", { parentId: "each" }),
      ],
      [to("start", "each")],
    );
    const { runId } = await runFlow(buyer, graph, { rows: [{ value: "1" }, { value: "oops" }, { value: "3" }] });
    const { run, steps } = await waitForRun(runId);
    expect(run.state).toBe("FAILED");
    expect(steps["parse@0"]!.state).toBe("SUCCEEDED");
    expect(steps["parse@1"]!.state).toBe("FAILED");
    expect(steps["parse@2"]).toBeUndefined();
    expect(steps.each!.state).toBe("FAILED");
    expect((steps.each!.error as { message: string }).message).toBe('Element 1 of the loop failed at step "parse".');
    expect(run.error).toMatchObject({ nodeId: "parse", iterationKey: "1" });
  });

  it("refuses items that are not a list, or too many, pointing at the items expression", async () => {
    const buyer = await buyerWithCredits(0);
    const graph = flow(
      [
        node.trigger(),
        node.loop("each", "input.name", 2),
        node.transform("x", "{{ item }}", "text", { parentId: "each" }),
      ],
      [to("start", "each")],
    );
    const { runId } = await runFlow(buyer, graph, { name: "Ada" });
    const { run, steps } = await waitForRun(runId);
    expect(run.state).toBe("FAILED");
    expect(steps.each!.error).toMatchObject({
      field: "config.items",
      message: 'Items must give a list, but gave the text "Ada".',
    });
  });
});
