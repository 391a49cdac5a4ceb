export {};

/**
 * A separate app process for the workflow restart test: the local durable
 * engine with every function, and the in-process task runner.
 * `start <orgId> <userId> <workflowId>` starts a run of the workflow and
 * prints { runId }; `recover` only starts up, which resumes this executor's
 * unfinished runs and tasks. Either way it stays up until killed, deciding
 * approvals it is asked to on stdin ({"decide": {orgId, userId, approvalId}}
 * per line), as the app would when an approver clicks.
 */
const [mode, orgId, userId, workflowId] = process.argv.slice(2);
const { startJobEngine } = await import("../../../server/jobs/engine");
const { allFunctions } = await import("../../../inngest/functions");
await startJobEngine(allFunctions);
const { taskRunner } = await import("../../../server/services/tasks/task-runner");
await taskRunner.start();
if (mode === "start") {
  const { startWorkflowRun } = await import("../../../server/services/workflows/start-workflow-run");
  const run = await startWorkflowRun({
    orgId: orgId!,
    actor: { kind: "user", userId: userId! },
    workflowId: workflowId!,
    input: { topic: "grid-scale batteries" },
    trigger: "MANUAL",
  });
  process.stdout.write(`${JSON.stringify({ runId: run.id })}\n`);
} else {
  process.stdout.write(`${JSON.stringify({ recovering: true })}\n`);
}
const { createInterface } = await import("node:readline");
const { decideApproval } = await import("../../../server/services/workflows/decide-approval");
createInterface({ input: process.stdin }).on("line", (line) => {
  const { decide } = JSON.parse(line) as { decide: { orgId: string; userId: string; approvalId: string } };
  void decideApproval({
    orgId: decide.orgId,
    actor: { kind: "user", userId: decide.userId },
    approvalId: decide.approvalId,
    decision: "approve",
    comment: "Go",
  }).then(
    () => process.stdout.write(`${JSON.stringify({ decided: decide.approvalId })}\n`),
    (error: unknown) => process.stdout.write(`${JSON.stringify({ error: String(error) })}\n`),
  );
});
setInterval(() => {}, 1 << 30);
