import { describe, expect, it } from "vitest";
import { hasErrors, validateGraph, type GraphIssue } from "@/server/services/workflows/graph/validate-graph";
import type { WorkflowGraph } from "@/server/schemas/workflow-graph";
import { graph, node } from "./support/graph-builder";

const listings = new Map([
  ["writer", { name: "Writer", priceCredits: 10, status: "PUBLISHED" }],
  ["editor", { name: "Editor", priceCredits: 5, status: "PUBLISHED" }],
  ["paused", { name: "Paused Agent", priceCredits: 7, status: "PAUSED" }],
]);

const validate = (g: WorkflowGraph, workflowIds?: Set<string>) => validateGraph(g, { listings, workflowIds });
const codes = (issues: GraphIssue[]) => issues.map((i) => i.code);
const withCode = (issues: GraphIssue[], code: string) => issues.filter((i) => i.code === code);

/** A valid graph each rule's "bad" variant departs from. */
const linear = () =>
  graph(
    [
      node.trigger(),
      node.agent("draft"),
      node.agent("edit", "{{ steps.draft.output }}", "editor"),
      node.output("result", "{{ steps.edit.output }}"),
    ],
    ["start>draft", "draft>edit", "edit>result"],
  );

describe("validateGraph", () => {
  it("finds nothing wrong with a plain linear workflow", () => {
    expect(validate(linear())).toEqual([]);
  });

  it("reports duplicate node and edge ids", () => {
    const g = linear();
    g.nodes.push({ ...g.nodes[1]!, name: "Second draft" });
    g.edges.push({ ...g.edges[0]! });
    const issues = validate(g);
    expect(withCode(issues, "duplicate_node_id")).toMatchObject([{ nodeId: "draft", severity: "error" }]);
    expect(withCode(issues, "duplicate_edge_id")).toMatchObject([{ edgeId: "e1" }]);
  });

  it("reports edges to unknown steps", () => {
    const g = linear();
    g.edges.push({ id: "bad", source: "edit", target: "ghost" });
    expect(withCode(validate(g), "edge_unknown_node")).toMatchObject([
      { edgeId: "bad", field: "target", message: expect.stringContaining('"ghost"') },
    ]);
  });

  it("needs a trigger, and nothing may lead into one", () => {
    const none = graph([node.agent("draft"), node.output()], ["draft>result"]);
    expect(codes(validate(none))).toContain("no_trigger");
    const into = linear();
    into.edges.push({ id: "back", source: "draft", target: "start" });
    expect(withCode(validate(into), "trigger_has_input")).toMatchObject([{ edgeId: "back", nodeId: "start" }]);
    expect(codes(validate(linear()))).not.toContain("no_trigger");
  });

  it("reports a cycle outside a loop and names its steps in order", () => {
    const g = graph(
      [node.trigger(), node.agent("a"), node.agent("b"), node.agent("c"), node.output()],
      ["start>a", "a>b", "b>c", "c>a", "c>result"],
    );
    const [cycle, ...more] = withCode(validate(g), "cycle");
    expect(more).toEqual([]);
    expect(cycle).toMatchObject({ severity: "error", nodeIds: ["a", "b", "c"] });
    expect(cycle!.message).toContain("a → b → c → a");
    const selfLoop = linear();
    selfLoop.edges.push({ id: "self", source: "edit", target: "edit" });
    expect(withCode(validate(selfLoop), "cycle")).toMatchObject([{ nodeIds: ["edit"] }]);
    expect(codes(validate(linear()))).not.toContain("cycle");
  });

  it("refuses edges that cross a loop body's border, and accepts the loop's own connections", () => {
    const ok = graph(
      [
        node.trigger(),
        node.loop("each"),
        node.agent("translate", "{{ item }}", "writer", { parentId: "each" }),
        node.agent("check", "{{ steps.translate.output }}", "editor", { parentId: "each" }),
        node.output("result", "{{ steps.each.data | json }}"),
      ],
      ["start>each", "translate>check", "each>result"],
    );
    expect(validate(ok)).toEqual([]);
    const crossing = structuredClone(ok);
    crossing.edges.push({ id: "out", source: "check", target: "result" });
    expect(withCode(validate(crossing), "edge_crosses_loop")).toMatchObject([{ edgeId: "out", nodeId: "result" }]);
  });

  it("checks loop containment: a real loop parent, no nesting into each other, not empty, no trigger inside", () => {
    const g = graph(
      [
        node.trigger(),
        node.agent("a", "x", "writer", { parentId: "nowhere" }),
        node.agent("b", "x", "writer", { parentId: "a" }),
        node.loop("l1", "input.list", 5, { parentId: "l2" }),
        node.loop("l2", "input.list", 5, { parentId: "l1" }),
        node.loop("empty"),
        node.trigger("inner", { parentId: "l1" }),
        node.output(),
      ],
      ["start>empty", "empty>result"],
    );
    const issues = validate(g);
    expect(withCode(issues, "parent_unknown")).toMatchObject([{ nodeId: "a" }]);
    expect(withCode(issues, "parent_not_loop")).toMatchObject([{ nodeId: "b" }]);
    expect(withCode(issues, "parent_cycle").map((i) => i.nodeId)).toEqual(["l1", "l2"]);
    expect(withCode(issues, "loop_empty")).toMatchObject([{ nodeId: "empty" }]);
    expect(withCode(issues, "trigger_in_loop")).toMatchObject([{ nodeId: "inner" }]);
  });

  it("reports steps no run reaches, at the top level and inside loops", () => {
    const g = graph(
      [
        node.trigger(),
        node.agent("draft"),
        node.agent("orphan"),
        node.loop("each"),
        node.agent("inner", "{{ item }}", "writer", { parentId: "each" }),
        node.output(),
      ],
      ["start>draft", "draft>result", "orphan>each"],
    );
    const unreachable = withCode(validate(g), "unreachable");
    expect(unreachable.map((i) => i.nodeId)).toEqual(["orphan", "each", "inner"]);
    expect(unreachable[2]!.message).toContain("which no run reaches");
    g.edges.push({ id: "fix", source: "start", target: "orphan" });
    expect(codes(validate(g))).not.toContain("unreachable");
  });

  it("checks an agent's listing exists and takes tasks, and flags targets it cannot price", () => {
    const g = graph(
      [
        node.trigger(),
        node.agent("a", "x", "nobody"),
        node.agent("b", "x", "paused"),
        { ...node.agent("c"), config: { target: { kind: "position", positionId: "p1" }, template: "x" } },
        node.agent("d", "  "),
        node.output(),
      ],
      ["start>a", "a>b", "b>c", "c>d", "d>result"],
    );
    const issues = validate(g);
    expect(withCode(issues, "agent_listing_unknown")).toMatchObject([{ nodeId: "a", field: "config.target" }]);
    expect(withCode(issues, "agent_listing_unavailable")).toMatchObject([
      { nodeId: "b", message: expect.stringContaining("paused") },
    ]);
    expect(withCode(issues, "agent_target_unchecked")).toMatchObject([{ nodeId: "c", severity: "warning" }]);
    expect(withCode(issues, "template_empty")).toMatchObject([{ nodeId: "d", severity: "error" }]);
  });

  it("needs approvers on an approval", () => {
    const g = graph([node.trigger(), node.approval("ok", []), node.output()], ["start>ok", "ok>result"]);
    expect(withCode(validate(g), "approval_no_approvers")).toMatchObject([{ nodeId: "ok" }]);
    const fixed = graph([node.trigger(), node.approval("ok", ["owner"]), node.output()], ["start>ok", "ok>result"]);
    expect(validate(fixed)).toEqual([]);
  });

  it("needs both branches on a condition and branches only on a condition's edges", () => {
    const good = graph(
      [node.trigger(), node.condition("check"), node.output("yes"), node.output("no")],
      ["start>check", "check>true>yes", "check>false>no"],
    );
    expect(validate(good)).toEqual([]);
    const bad = graph(
      [node.trigger(), node.condition("check"), node.output("yes"), node.output("no")],
      ["start>true>check", "check>true>yes", "check>no"],
    );
    const issues = validate(bad);
    expect(withCode(issues, "condition_missing_branch")).toMatchObject([
      { nodeId: "check", message: expect.stringContaining('"false"') },
    ]);
    expect(withCode(issues, "condition_edge_no_branch")).toMatchObject([{ edgeId: "e3" }]);
    expect(withCode(issues, "edge_branch_not_condition")).toMatchObject([{ edgeId: "e1", nodeId: "start" }]);
  });

  it("needs two branches into a join, and warns about a fan-out of one", () => {
    const g = graph(
      [node.trigger(), node.parallel("fan"), node.agent("a"), node.join("meet"), node.output()],
      ["start>fan", "fan>a", "a>meet", "meet>result"],
    );
    const issues = validate(g);
    expect(withCode(issues, "join_too_few_inputs")).toMatchObject([{ nodeId: "meet", severity: "error" }]);
    expect(withCode(issues, "parallel_single_branch")).toMatchObject([{ nodeId: "fan", severity: "warning" }]);
    const fixed = graph(
      [
        node.trigger(),
        node.parallel("fan"),
        node.agent("a"),
        node.agent("b"),
        node.join("meet", "first"),
        node.output(),
      ],
      ["start>fan", "fan>a", "fan>b", "a>meet", "b>meet", "meet>result"],
    );
    expect(validate(fixed)).toEqual([]);
  });

  it("checks a subworkflow's target when the org's workflows are given", () => {
    const g = graph([node.trigger(), node.subworkflow("sub", "wf_1"), node.output()], ["start>sub", "sub>result"]);
    expect(codes(validate(g, new Set(["wf_2"])))).toEqual(["subworkflow_unknown"]);
    expect(validate(g, new Set(["wf_1"]))).toEqual([]);
    expect(validate(g)).toEqual([]);
  });

  it("checks a schedule's cron and time zone", () => {
    const schedule = (cron: string, timeZone: string) =>
      graph([{ ...node.trigger(), config: { kind: "schedule", cron, timeZone } }, node.output()], ["start>result"]);
    expect(validate(schedule("0 9 * * MON-FRI", "Europe/Paris"))).toEqual([]);
    expect(validate(schedule("*/15 0-6 1,15 JAN *", "UTC"))).toEqual([]);
    for (const bad of ["0 9 * *", "61 9 * * *", "0 9 30 2 *"]) {
      expect(withCode(validate(schedule(bad, "UTC")), "schedule_invalid_cron"), bad).toMatchObject([
        { nodeId: "start", field: "config.cron", message: expect.stringContaining(`"${bad}"`) },
      ]);
    }
    expect(codes(validate(schedule("0 9 * * *", "Mars/Olympus")))).toEqual(["schedule_invalid_time_zone"]);
  });

  it("warns when the workflow has no output", () => {
    const g = graph([node.trigger(), node.agent("a")], ["start>a"]);
    expect(validate(g)).toMatchObject([{ code: "no_output", severity: "warning" }]);
    expect(hasErrors(validate(g))).toBe(false);
  });

  it("reports template and expression syntax errors with the field and the character", () => {
    const g = graph(
      [
        node.trigger(),
        node.agent("a", "Hello\n{{ input.topic | shout }}"),
        node.condition("check", "input.ok =="),
        node.output("yes"),
        node.output("no"),
      ],
      ["start>a", "a>check", "check>true>yes", "check>false>no"],
    );
    const issues = validate(g);
    expect(withCode(issues, "template_syntax")).toMatchObject([
      { nodeId: "a", field: "config.template", position: { line: 2, column: 18, offset: 23 } },
    ]);
    expect(withCode(issues, "expression_syntax")).toMatchObject([
      { nodeId: "check", field: "config.expression", position: { offset: 11 } },
    ]);
  });

  it("allows reading steps that finish before, and refuses the others, with the reference's position", () => {
    const g = graph(
      [
        node.trigger(),
        node.parallel("fan"),
        node.agent("a", "{{ input.topic }}"),
        node.agent("b", "{{ steps.a.output }}"),
        node.join("meet"),
        node.output(
          "result",
          "{{ steps.a.output }} {{ steps.b.output }} {{ steps.ghost.output }} {{ steps.result.output }}",
        ),
      ],
      ["start>fan", "fan>a", "fan>b", "a>meet", "b>meet", "meet>result"],
    );
    const issues = validate(g);
    expect(withCode(issues, "step_reference_not_before")).toMatchObject([
      { nodeId: "b", field: "config.template", position: { line: 1, column: 4, offset: 3 } },
    ]);
    expect(withCode(issues, "step_reference_unknown")).toMatchObject([
      { nodeId: "result", message: expect.stringContaining('no step "ghost"') },
    ]);
    expect(withCode(issues, "step_reference_self")).toMatchObject([{ nodeId: "result" }]);
  });

  it("inside a loop allows the body's earlier steps and the loop's ancestors, not the loop or later body steps", () => {
    const g = graph(
      [
        node.trigger(),
        node.agent("brief"),
        node.loop("each", "steps.brief.data"),
        node.agent("translate", "{{ steps.brief.output }} {{ item }} {{ index }} {{ steps.check.output }}", "writer", {
          parentId: "each",
        }),
        node.agent("check", "{{ steps.translate.output }} {{ steps.each.data }}", "editor", { parentId: "each" }),
        node.output("result", "{{ steps.each.data }} {{ steps.check.output }}"),
      ],
      ["start>brief", "brief>each", "translate>check", "each>result"],
    );
    const issues = validate(g);
    expect(
      withCode(issues, "step_reference_not_before").map((i) => [i.nodeId, i.message.match(/steps\.\w+/)![0]]),
    ).toEqual([
      ["translate", "steps.check"],
      ["check", "steps.each"],
    ]);
    expect(withCode(issues, "step_reference_inside_loop")).toMatchObject([
      { nodeId: "result", message: expect.stringContaining("steps.each.data") },
    ]);
    expect(codes(issues)).not.toContain("loop_variable_outside_loop");
  });

  it("refuses item and index outside a loop body, including in a top-level loop's own list", () => {
    const g = graph(
      [
        node.trigger(),
        node.loop("each", "item.list"),
        node.agent("in", "{{ item }}", "writer", { parentId: "each" }),
        node.output("result", "{{ index }}"),
      ],
      ["start>each", "each>result"],
    );
    expect(withCode(validate(g), "loop_variable_outside_loop").map((i) => i.nodeId)).toEqual(["each", "result"]);
  });

  it("warns about names that are not in the scope, but not about the template's own variables", () => {
    const g = graph(
      [
        node.trigger(),
        node.output(
          "result",
          "{{ inputs.topic }}{% assign t = input.topic %}{{ t }}" +
            "{% for w in input.words %}{{ w }}{{ forloop.index }}{% endfor %}",
        ),
      ],
      ["start>result"],
    );
    expect(validate(g)).toMatchObject([{ code: "unknown_name", severity: "warning", position: { offset: 3 } }]);
  });

  it("lists errors before warnings, in canvas order", () => {
    const g = graph([node.trigger(), node.approval("ok", []), node.agent("a", "x", "nobody")], ["start>ok", "ok>a"]);
    expect(validate(g).map((i) => [i.severity, i.nodeId])).toEqual([
      ["error", "ok"],
      ["error", "a"],
      ["warning", undefined],
    ]);
  });
});
