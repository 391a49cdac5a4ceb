export {};

/**
 * A separate process running the local durable engine, for the crash test.
 * `start <orgId> <agentId> <userId>` starts a task and prints its id;
 * `load <orgId> <userId> <count> <agentId>…` starts `count` tasks per agent
 * at once and prints one line per accepted task ({ taskId, messageId });
 * `recover` only launches the engine and the runner, which resume this
 * executor's runs and in-process turns.
 * Either way it then stays up until killed.
 */
const [mode, orgId, agentId, userId] = process.argv.slice(2);
const { startJobEngine } = await import("../../server/jobs/engine");
const { allFunctions } = await import("../../inngest/functions");
await startJobEngine(allFunctions);
// Runs new tasks in-process; at start it hands this executor's tasks from an
// earlier (killed) life to the engine.
const { taskRunner } = await import("../../server/services/tasks/task-runner");
await taskRunner.start();
if (mode === "start") {
  const { startTask } = await import("../../server/services/tasks/start-task");
  const task = await startTask({
    orgId: orgId!,
    agent: { id: agentId! },
    message: {
      messageId: crypto.randomUUID(),
      role: "user",
      parts: [{ kind: "text", text: "Deep dive on grid-scale batteries" }],
    },
    actor: { kind: "user", userId: userId! },
    source: "UI",
  });
  process.stdout.write(`${JSON.stringify({ taskId: task.id })}\n`);
} else if (mode === "load") {
  const { startTask } = await import("../../server/services/tasks/start-task");
  const [, loadOrgId, loadUserId, count, ...agentIds] = process.argv.slice(2);
  process.stdout.write(`${JSON.stringify({ loading: true })}\n`);
  await Promise.all(
    agentIds.flatMap((id) =>
      Array.from({ length: Number(count) }, async (_, i) => {
        const messageId = crypto.randomUUID();
        const task = await startTask({
          orgId: loadOrgId!,
          agent: { id },
          message: { messageId, role: "user", parts: [{ kind: "text", text: `Figures ${i}: 4, 8, 15, 16, 23, 42` }] },
          actor: { kind: "user", userId: loadUserId! },
          source: "UI",
        });
        process.stdout.write(`${JSON.stringify({ taskId: task.id, messageId })}\n`);
      }),
    ),
  );
} else {
  process.stdout.write(`${JSON.stringify({ recovering: true })}\n`);
}
setInterval(() => {}, 1 << 30);
