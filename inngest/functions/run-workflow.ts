import "server-only";
import type { EventData } from "@/inngest/events";
import { defineFunction } from "@/server/jobs/types";
import { beginRun } from "@/server/services/workflows/engine/begin-run";
import { executeNode } from "@/server/services/workflows/engine/execute-node";
import { failRunAfterCrash } from "@/server/services/workflows/engine/fail-run";
import { planRound } from "@/server/services/workflows/engine/plan-round";

/**
 * A workflow run, as waves of ready nodes. Each round is one planning step
 * (what happened, what is ready), then either a wave, a Promise.all of one
 * step per ready node (one step per parallel branch or loop element: DBOS
 * replays steps by call order, so no branch may await several steps), or a
 * durable wait between waves: a sleep until a delay or a retry is due, or a
 * wait for `workflow/run.wake` (approvals, sub-workflows) bounded by the
 * nearest deadline. Nothing waits inside a step except an agent step for its
 * task.
 *
 * The engine is row-driven: every step reads the run's rows fresh, and a node
 * whose row ended is never run again. So a crash anywhere resumes from the
 * checkpoints (DBOS recovery, Inngest memoization), and a retried run (a new
 * generation, a new event id) resumes from its rows.
 *
 * cancelOn stops the function when the run is canceled; the cancel service
 * itself cancels the run's tasks and rows, and agent steps re-check the
 * run before and after starting a task, so none is left running.
 *
 * Why not @inngest/workflow-kit's Engine: it walks the graph breadth-first,
 * one action at a time, handing each handler Inngest's own `step` (so it
 * runs on one engine only, and a handler awaiting several steps inside a
 * parallel branch is exactly what DBOS cannot replay); it keeps results in
 * memory rather than in rows a retried run can resume from; and it has no
 * joins, loops with a concurrency limit, approvals, retries per step or a
 * budget. Its useful idea, handlers keyed by node kind, is execute-node.ts.
 */
export default defineFunction<EventData<"workflow/run.started">>(
  {
    id: "run-workflow",
    trigger: { event: "workflow/run.started" },
    retries: 3,
    cancelOn: [{ event: "workflow/run.cancel-requested", match: "runId" }],
  },
  async ({ event, step }) => {
    const { runId } = event.data;
    if (!(await step.run("begin", () => beginRun(runId)))) return { state: "gone" };
    let idle = 0;
    for (let round = 0; ; round++) {
      const plan = await step.run(`plan-${round}`, () => planRound(runId, idle));
      if (plan.kind === "finish") return { state: plan.state, rounds: round + 1 };
      if (plan.kind === "run") {
        idle = 0;
        await Promise.all(
          plan.ready.map((at) =>
            step.run(`node-${at.nodeId}${at.iterationKey ? `-${at.iterationKey}` : ""}-${round}`, () =>
              executeNode(runId, at),
            ),
          ),
        );
        continue;
      }
      idle++;
      if (plan.wake) {
        await step.waitForEvent(`wait-${round}`, { event: "workflow/run.wake", match: "runId", timeoutMs: plan.ms });
      } else {
        await step.sleep(`sleep-${round}`, plan.ms);
      }
    }
  },
  ({ event, error }) => failRunAfterCrash(event.data.runId, error),
);
