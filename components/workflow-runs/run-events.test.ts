import { describe, expect, it } from "vitest";
import type { OrgEventView } from "@/server/schemas/org-events";
import { ZWorkflowGraphSchema } from "@/server/schemas/workflow-graph";
import { applyRunEvent, concernsRun } from "./run-events";
import type { RunDetail, StepView } from "./run-types";

const stepRow = (id: string, nodeId: string, state: StepView["state"]): StepView => ({
  id,
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
});

const run: RunDetail = {
  id: "run-1",
  workflowId: "wf-1",
  workflowName: "Blog post",
  versionNumber: 1,
  state: "RUNNING",
  trigger: "MANUAL",
  budgetCapCredits: null,
  spentCredits: 0,
  generation: 1,
  parentRunId: null,
  createdById: null,
  apiKeyId: null,
  error: null,
  cancelRequestedAt: null,
  startedAt: new Date("2026-11-01T10:00:00Z"),
  finishedAt: null,
  createdAt: new Date("2026-11-01T10:00:00Z"),
  updatedAt: new Date("2026-11-01T10:00:00Z"),
  parentNodeId: null,
  graph: ZWorkflowGraphSchema.parse({ nodes: [], edges: [] }),
  input: {},
  output: null,
  steps: [stepRow("s1", "start", "SUCCEEDED"), stepRow("s2", "write", "PENDING")],
  totalCostCredits: 0,
  pendingApprovals: [],
};

let eventId = 0;
const event = (type: OrgEventView["type"], data: unknown, subjectId = "run-1"): OrgEventView => ({
  id: String(++eventId),
  type,
  subject: { type: "workflow_run", id: subjectId },
  actor: { kind: "workflow", id: subjectId },
  data,
  createdAt: "2026-11-01T10:00:05.000Z",
});

const stepChange = (over: Record<string, unknown>) =>
  event("workflow_step.state_changed", {
    stepRunId: "s2",
    nodeId: "write",
    iterationKey: "",
    from: "PENDING",
    to: "RUNNING",
    attempt: 1,
    taskId: null,
    costCredits: 40,
    message: null,
    ...over,
  });

describe("applyRunEvent", () => {
  it("moves a step at once, with its cost and start time, and the total follows", () => {
    const next = applyRunEvent(run, stepChange({}));
    expect(next.steps[1]).toMatchObject({ state: "RUNNING", attempt: 1, costCredits: 40 });
    expect(next.steps[1]!.startedAt?.toISOString()).toBe("2026-11-01T10:00:05.000Z");
    expect(next.totalCostCredits).toBe(40);
  });

  it("never moves a step back: an event older than the page's data changes nothing", () => {
    const succeeded = { ...run, steps: [run.steps[0]!, { ...run.steps[1]!, state: "SUCCEEDED" as const }] };
    expect(applyRunEvent(succeeded, stepChange({}))).toBe(succeeded);
  });

  it("adds a loop element's step the page has not seen", () => {
    const next = applyRunEvent(
      run,
      stepChange({ stepRunId: "s9", nodeId: "translate", iterationKey: "3", from: null, to: "RUNNING" }),
    );
    expect(next.steps).toHaveLength(3);
    expect(next.steps[2]).toMatchObject({ id: "s9", nodeId: "translate", iterationKey: "3", state: "RUNNING" });
  });

  it("keeps a failure's message until the refetch brings its place", () => {
    const running = applyRunEvent(run, stepChange({}));
    const failed = applyRunEvent(running, stepChange({ from: "RUNNING", to: "FAILED", message: "Agent said no" }));
    expect(failed.steps[1]!.error).toEqual({ message: "Agent said no", nodeId: "write", field: null, position: null });
    expect(failed.steps[1]!.finishedAt).not.toBeNull();
  });

  it("moves the run's state and spend, and ignores other runs and malformed data", () => {
    const change = { workflowId: "wf-1", from: "RUNNING", to: "WAITING", spentCredits: 40, message: null };
    expect(applyRunEvent(run, event("workflow_run.state_changed", change))).toMatchObject({
      state: "WAITING",
      spentCredits: 40,
    });
    expect(applyRunEvent(run, event("workflow_run.state_changed", change, "run-2"))).toBe(run);
    expect(applyRunEvent(run, event("workflow_run.state_changed", { to: "nonsense" }))).toBe(run);
  });
});

describe("concernsRun", () => {
  it("matches the run's own events and the approvals it waits on", () => {
    expect(concernsRun("run-1", stepChange({}))).toBe(true);
    expect(concernsRun("run-2", stepChange({}))).toBe(false);
    const approval = (runId: string | null): OrgEventView => ({
      ...event("approval.requested", {
        runId,
        stepRunId: "s3",
        title: "Legal",
        approverRoles: ["owner"],
        approverUserIds: [],
        deadlineAt: "2026-11-04T10:00:00.000Z",
        priceCredits: 10,
      }),
      subject: { type: "approval", id: "a1" },
    });
    expect(concernsRun("run-1", approval("run-1"))).toBe(true);
    expect(concernsRun("run-1", approval("run-2"))).toBe(false);
  });
});
