import type { TaskEventView } from "@/server/services/tasks/task-event-view";

/** The union of two event lists by id, in log order (ids are increasing integers). */
export function mergeEvents(a: readonly TaskEventView[], b: readonly TaskEventView[]): TaskEventView[] {
  const byId = new Map<string, TaskEventView>();
  for (const event of [...a, ...b]) byId.set(event.id, event);
  return [...byId.values()].sort((x, y) => (BigInt(x.id) < BigInt(y.id) ? -1 : BigInt(x.id) > BigInt(y.id) ? 1 : 0));
}

/** The state the newest status event reports, if any. */
export function latestState(events: readonly TaskEventView[]) {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = events[i]!;
    if (event.kind === "status") return { state: event.data.state, text: event.data.text ?? null };
  }
  return null;
}
