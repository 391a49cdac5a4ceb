export {};

/**
 * A second app process for the fan-out test: holds a live stream of one task
 * (streamTaskEvents, what the task page and A2A streams use) and prints one
 * JSON line per notification its listener receives and per event the stream
 * yields, after a first line saying which transport it listens on and
 * whether that is live. Stays up until killed.
 */
const [orgId, taskId] = process.argv.slice(2);
const { taskListener } = await import("../../server/services/events/task-listener");
const { streamTaskEvents } = await import("../../server/services/events/stream-task-events");

const print = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);
await taskListener.ensure();
print({ transport: taskListener.transport, live: taskListener.connected });
taskListener.on(`task:${taskId}`, (note: unknown) => print({ note }));
for await (const event of streamTaskEvents({ orgId: orgId!, taskId: taskId! })) {
  print({ event: event.id.toString(), kind: event.kind });
}
print({ ended: true });
setInterval(() => {}, 1 << 30);
