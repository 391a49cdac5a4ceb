import { describe, expect, it } from "vitest";
import { ZWorkflowGraphSchema } from "@/server/schemas/workflow-graph";
import { combineStates, compareKeys, loopElements, nodeStatesOf, runIssues } from "./node-states";
import type { StepView } from "./run-types";

const at = { x: 0, y: 0 };
const graph = ZWorkflowGraphSchema.parse({
  nodes: [
    { id: "start", type: "trigger", name: "Start", position: at, config: { kind: "manual" } },
    {
      id: "write",
      type: "agent",
      name: "Write",
      position: at,
      config: { target: { kind: "listing", slug: "writer" }, template: "Write" },
    },
    { id: "each", type: "loop", name: "Each", position: at, config: { items: "input.langs", concurrency: 2 } },
    {
      id: "translate",
      type: "agent",
      name: "Translate",
      parentId: "each",
      position: at,
      config: { target: { kind: "listing", slug: "translator" }, template: "{{ item }}" },
    },
    { id: "done", type: "output", name: "Done", position: at, config: { template: "ok" } },
  ],
  edges: [
    { id: "e1", source: "start", target: "write" },
    { id: "e2", source: "write", target: "each" },
    { id: "e3", source: "each", target: "done" },
  ],
});

let ids = 0;
const step = (nodeId: string, state: StepView["state"], extra: Partial<StepView> = {}): StepView => ({
  id: `s${++ids}`,
  nodeId,
  iterationKey: "",
  state,
  attempt: 0,
  taskId: null,
  output: null,
  data: null,
  costCredits: 0,
  error: null,
  startedAt: null,
  finishedAt: null,
  ...extra,
});

describe("combineStates", () => {
  it("puts trouble first, then work in progress, then how it ended", () => {
    expect(combineStates([])).toBeNull();
    expect(combineStates(["succeeded", "failed", "running"])).toBe("failed");
    expect(combineStates(["succeeded", "waiting"])).toBe("waiting");
    expect(combineStates(["succeeded", "pending"])).toBe("running");
    expect(combineStates(["pending", "pending"])).toBe("pending");
    expect(combineStates(["succeeded", "skipped"])).toBe("succeeded");
    expect(combineStates(["skipped", "canceled"])).toBe("canceled");
  });
});

describe("nodeStatesOf", () => {
  it("colours every node, costs only the spending ones, and sums a loop body's elements", () => {
    const steps = [
      step("start", "SUCCEEDED"),
      step("write", "SUCCEEDED", { costCredits: 25 }),
      step("each", "RUNNING", { data: { items: ["fr", "de", "es"] } }),
      step("translate", "SUCCEEDED", { iterationKey: "0", costCredits: 12 }),
      step("translate", "SUCCEEDED", { iterationKey: "1", costCredits: 12 }),
      step("done", "PENDING"),
    ];
    const states = nodeStatesOf(graph, steps, "RUNNING");
    expect(states).toEqual({
      start: { state: "succeeded" },
      write: { state: "succeeded", costCredits: 25 },
      each: { state: "running" },
      // Both started elements succeeded, but the loop still has one to run.
      translate: { state: "running", costCredits: 24 },
      done: { state: "pending" },
    });
  });

  it("shows nodes a finished run never reached as skipped, or canceled when the run was", () => {
    const steps = [step("start", "SUCCEEDED"), step("write", "FAILED")];
    expect(nodeStatesOf(graph, steps, "FAILED").translate).toEqual({ state: "skipped", costCredits: 0 });
    expect(nodeStatesOf(graph, steps, "CANCELED").done).toEqual({ state: "canceled" });
    expect(nodeStatesOf(graph, steps, "RUNNING").done).toEqual({ state: "pending" });
  });
});

describe("loopElements", () => {
  it("gives each element the state its body reached, in element order", () => {
    const loop = step("each", "RUNNING", { data: { items: ["fr", "de", "es"] } });
    const steps = [
      loop,
      step("translate", "FAILED", { iterationKey: "1" }),
      step("translate", "SUCCEEDED", { iterationKey: "0", costCredits: 12 }),
    ];
    expect(loopElements(graph, steps, loop, "RUNNING").map((e) => [e.key, e.state, e.costCredits])).toEqual([
      ["0", "succeeded", 12],
      ["1", "failed", 0],
      ["2", "pending", 0],
    ]);
  });

  it("counts a succeeded loop's results", () => {
    const loop = step("each", "SUCCEEDED", { data: ["a", "b"] });
    expect(loopElements(graph, [loop], loop, "SUCCEEDED")).toHaveLength(2);
  });
});

describe("runIssues and keys", () => {
  it("turns a failed step's template error into an issue on the node, with its line and column", () => {
    const error = {
      message: "unexpected token",
      nodeId: "write",
      field: "config.template",
      position: { line: 2, column: 7, offset: 30 },
    };
    expect(runIssues([step("write", "FAILED", { error }), step("done", "SUCCEEDED")])).toEqual([
      {
        code: "run_error",
        severity: "error",
        message: "unexpected token",
        nodeId: "write",
        field: "config.template",
        position: { line: 2, column: 7 },
      },
    ]);
  });

  it("orders iteration keys as paths of numbers", () => {
    expect(["2.10", "10", "2.9", "2"].sort(compareKeys)).toEqual(["2", "2.9", "2.10", "10"]);
  });
});
