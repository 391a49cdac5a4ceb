import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it, vi } from "vitest";
import { inngest } from "@/inngest/client";
import runWorkflow from "@/inngest/functions/run-workflow";
import { db } from "@/server/db";
import type { InputJsonValue } from "@/server/generated/prisma/internal/prismaNamespace";
import { toInngestFunction } from "@/server/jobs/inngest/adapt";
import type { DurableFunction, JobEvent } from "@/server/jobs/types";
import { buyerWithCredits } from "../../support/task-fixtures";
import { describeRun, flow, node, to } from "./engine-fixtures";
import { publishedWorkflow } from "./workflow-fixtures";

// Production runs the same definition on Inngest: adapted with the production
// adapter and executed by @inngest/test, its steps running for real against
// Postgres. Inngest is offline here, so the run's row is made directly and the
// test drives the execution.
vi.hoisted(() => {
  process.env.JOB_ENGINE = "inngest";
});
// With Inngest offline, the events a run sends are recorded here instead.
const sent = vi.hoisted(() => [] as JobEvent[]);
vi.mock("@/server/jobs/send", () => ({
  sendEvent: async (events: JobEvent | JobEvent[]) => {
    sent.push(...(Array.isArray(events) ? events : [events]));
  },
}));

describe("run-workflow on Inngest (@inngest/test)", () => {
  it("runs a graph's waves, parallel steps included, to the same result as on DBOS", async () => {
    const buyer = await buyerWithCredits(0);
    const graph = flow(
      [
        node.trigger(),
        node.parallel("fan"),
        node.transform("upper", "{{ input.word | upcase }}"),
        node.transform("lower", "{{ input.word | downcase }}"),
        node.join("join", "all"),
        node.condition("long", "input.word.size > 3"),
        node.output("result", "{{ steps.upper.output }}/{{ steps.lower.output }}/{{ steps.long.output }}"),
      ],
      [
        to("start", "fan"),
        to("fan", "upper"),
        to("fan", "lower"),
        to("upper", "join"),
        to("lower", "join"),
        to("join", "long"),
        to("long", "result", "true"),
        to("long", "result", "false"),
      ],
    );
    const workflow = await publishedWorkflow(buyer.org.id, buyer.user.id, graph, "On Inngest");
    const version = await db.workflowVersion.findFirstOrThrow({ where: { workflowId: workflow.id } });
    const run = await db.workflowRun.create({
      data: {
        orgId: buyer.org.id,
        workflowId: workflow.id,
        versionId: version.id,
        graph: version.graph as InputJsonValue,
        input: { word: "Tidal" },
        trigger: "MANUAL",
        createdById: buyer.user.id,
      },
    });
    const engine = new InngestTestEngine({
      function: toInngestFunction(inngest, runWorkflow as DurableFunction<never>),
    });
    const { result } = await engine.execute({
      events: [{ name: "workflow/run.started", data: { runId: run.id } }],
      steps: [],
    });
    expect(result).toMatchObject({ state: "SUCCEEDED" });
    const after = await describeRun(run.id);
    expect(after.run).toMatchObject({ state: "SUCCEEDED", output: "TIDAL/tidal/true" });
    expect(Object.values(after.states)).toEqual(Array(7).fill("SUCCEEDED"));
    // @inngest/test may run the step after a Promise.all group twice; the event's id makes it one event.
    const finished = sent.filter((e) => e.name === "workflow/run.finished");
    expect([...new Map(finished.map((e) => [e.id, e])).values()]).toEqual([
      {
        name: "workflow/run.finished",
        id: `workflow-run-finished:${run.id}:1`,
        data: { runId: run.id, parentRunId: null, state: "SUCCEEDED" },
      },
    ]);
  });
});
