/**
 * Next.js boot hook: start the in-process durable engine (DBOS) so runs that
 * were interrupted by a restart resume, and cron functions fire (Inngest
 * deployments need no engine here); then the task runner, which runs turns
 * in-process and hands the turns of dead processes to the engine.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before any request is served: the client IP comes from the socket (see the module).
  const { installClientAddressHook } = await import("./server/net/client-address");
  installClientAddressHook();
  const { startJobEngine, selectedEngine } = await import("./server/jobs/engine");
  if (selectedEngine() === "local") {
    const { allFunctions } = await import("./inngest/functions");
    await startJobEngine(allFunctions);
  }
  // Wakes on committed org events to start webhook deliveries (a minute sweep catches up without it).
  const { startWebhookDispatcher } = await import("./server/services/webhooks/webhook-dispatcher");
  startWebhookDispatcher();
  const { taskRunner } = await import("./server/services/tasks/task-runner");
  await taskRunner.start();
}
