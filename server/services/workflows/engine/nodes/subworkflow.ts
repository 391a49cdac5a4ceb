import "server-only";
import { db, type Tx } from "../../../../db";
import { renderTemplate } from "../../graph/expressions";
import { fail, scopeOf, withExpressions, type NodeExecutor } from "../node-context";
import type { RunContext } from "../run-context";
import { startChildRun } from "../start-child-run";
import { writeStep, type StepRow } from "../step-rows";
import type { WaitOutcome } from "./approval-outcome";

/**
 * Starts the child run with the rendered template as its input (parsed as
 * JSON when it is JSON, else the text itself), and leaves the step WAITING:
 * the child's last step wakes this run (`workflow/run.wake`), and the next
 * plan takes the child's result (resolveChild).
 */
export const runSubworkflow: NodeExecutor<"subworkflow"> = async (ctx) => {
  const scope = await scopeOf(ctx);
  const rendered = await withExpressions(ctx, "config.template", () => renderTemplate(ctx.node.config.template, scope));
  if (!rendered.ok) return;
  const started = await startChildRun(ctx.run, ctx.at, ctx.node.config.workflowId, inputOf(rendered.value));
  if (!started.ok) {
    await fail(ctx, { message: started.message });
    return;
  }
  await writeStep(ctx.run, ctx.at, { to: "WAITING", from: ["PENDING"], data: { childRunId: started.childRunId } });
};

function inputOf(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * A waiting sub-workflow step once its child run ended: succeeded gives the
 * child's output (text as output, JSON as data) and its spend, which joins
 * this run's; failed or canceled fails the step with the child's reason.
 */
export async function resolveChild(run: RunContext, row: StepRow): Promise<WaitOutcome> {
  const childRunId = (row.data as { childRunId?: unknown } | null)?.childRunId;
  if (typeof childRunId !== "string") return { kind: "rerun" };
  const child = await db.workflowRun.findUnique({
    where: { id: childRunId },
    select: { state: true, output: true, error: true, spentCredits: true },
  });
  const at = { nodeId: row.nodeId, iterationKey: row.iterationKey };
  const where = row.iterationKey ? { iterationKey: row.iterationKey } : {};
  if (!child) {
    await writeStep(run, at, {
      to: "FAILED",
      from: ["WAITING"],
      error: { message: "The sub-workflow run is gone.", nodeId: row.nodeId, ...where },
    });
    return { kind: "ended" };
  }
  if (child.state === "PENDING" || child.state === "RUNNING" || child.state === "WAITING")
    return { kind: "waiting", until: null };
  if (child.state === "SUCCEEDED") {
    const output = child.output;
    await writeStep(
      run,
      at,
      {
        to: "SUCCEEDED",
        from: ["WAITING"],
        output: typeof output === "string" ? output : output === null ? "" : JSON.stringify(output),
        data: output ?? null,
        costCredits: child.spentCredits,
      },
      addSpend(run.id, child.spentCredits),
    );
    return { kind: "ended" };
  }
  const reason = (child.error as { message?: unknown } | null)?.message;
  const message =
    child.state === "CANCELED"
      ? "The sub-workflow run was canceled."
      : `The sub-workflow run failed${typeof reason === "string" ? `: ${reason}` : "."}`;
  await writeStep(
    run,
    at,
    {
      to: "FAILED",
      from: ["WAITING"],
      costCredits: child.spentCredits,
      error: { message, nodeId: row.nodeId, ...where },
    },
    addSpend(run.id, child.spentCredits),
  );
  return { kind: "ended" };
}

/** What the child spent is this run's spend too (added once: in the transaction that ends the step). */
const addSpend = (runId: string, credits: number) => async (tx: Tx) => {
  if (credits > 0)
    await tx.$executeRaw`UPDATE "WorkflowRun" SET "spentCredits" = "spentCredits" + ${credits}, "updatedAt" = now()
      WHERE id = ${runId}`;
  return true;
};
