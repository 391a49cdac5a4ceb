export {};

/**
 * A second app process for the org-event fan-out test: holds a live stream of
 * one org's event log (streamOrgEvents, what /api/v1/events/stream and the
 * console read) and prints one JSON line per org-event notification its
 * listener receives and per event the stream yields, after a first line
 * saying which transport it listens on. Stays up until killed.
 */
const [orgId] = process.argv.slice(2);
const { taskListener } = await import("../../server/services/events/task-listener");
const { ORG_EVENTS_CHANNEL } = await import("../../server/services/events/catalogue");
const { streamOrgEvents } = await import("../../server/services/events/stream-org-events");

const print = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);
taskListener.subscribe(ORG_EVENTS_CHANNEL, (payload) => {
  if (payload.startsWith(`${orgId}:`)) print({ note: payload });
});
await taskListener.ensure();
print({ transport: taskListener.transport, live: taskListener.isListening(ORG_EVENTS_CHANNEL) });
const signal = new AbortController().signal;
for await (const event of streamOrgEvents({ orgId: orgId!, after: 0n, signal })) {
  print({ event: event.id, type: event.type });
}
setInterval(() => {}, 1 << 30);
