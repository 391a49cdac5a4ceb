import "server-only";
import type { WorkflowNode } from "../../../schemas/workflow-graph";
import type { NodeContext, NodeExecutor } from "./node-context";
import { runAgent } from "./nodes/agent";
import { runApproval } from "./nodes/approval";
import { runCondition } from "./nodes/condition";
import { runDelay } from "./nodes/delay";
import { runJoin } from "./nodes/join";
import { runLoop } from "./nodes/loop";
import { runOutput } from "./nodes/output";
import { runParallel } from "./nodes/parallel";
import { runSubworkflow } from "./nodes/subworkflow";
import { runTransform } from "./nodes/transform";
import { runTrigger } from "./nodes/trigger";
import type { NodeAt } from "./plan";
import { isFinalRun, loadRun, nodeOf } from "./run-context";
import { ENDED_STEP_STATES, loadSteps } from "./step-rows";

const EXECUTORS: { [T in WorkflowNode["type"]]: NodeExecutor<T> } = {
  trigger: runTrigger,
  agent: runAgent,
  condition: runCondition,
  parallel: runParallel,
  join: runJoin,
  approval: runApproval,
  transform: runTransform,
  loop: runLoop,
  subworkflow: runSubworkflow,
  delay: runDelay,
  output: runOutput,
};

/**
 * One ready node, as one durable step of a wave. Reads everything fresh, so a
 * replay after a crash sees what the first try wrote: a node whose row ended
 * is not run again, and each executor resumes from its row.
 */
export async function executeNode(runId: string, at: NodeAt): Promise<void> {
  const run = await loadRun(runId);
  if (!run || isFinalRun(run.state)) return;
  const rows = await loadSteps(runId);
  const row = rows.find((r) => r.nodeId === at.nodeId && r.iterationKey === at.iterationKey) ?? null;
  if (row && ENDED_STEP_STATES.includes(row.state)) return;
  const node = nodeOf(run, at.nodeId);
  const ctx: NodeContext = { run, node, at, rows, row };
  await (EXECUTORS[node.type] as NodeExecutor<WorkflowNode["type"]>)(ctx as never);
}
