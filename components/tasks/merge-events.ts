import { appendParts, type PartView, type TaskEventView } from "@/server/schemas/task-event-view";

/** An artifact as the results panel shows it. */
export interface ArtifactView {
  artifactId: string;
  name: string | null;
  description: string | null;
  parts: PartView[];
  /** False while the agent is still streaming it (no lastChunk yet). */
  complete?: boolean;
}

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

/**
 * The artifacts as the event log builds them, chunk by chunk: an appended
 * chunk extends the artifact (as the server stores it), any other replaces
 * it. Lets the results panel grow with every live event instead of waiting
 * for a refetch. Artifacts keep the order they first appeared in.
 */
export function assembleArtifacts(events: readonly TaskEventView[]): ArtifactView[] {
  const byId = new Map<string, ArtifactView>();
  for (const event of events) {
    if (event.kind !== "artifact") continue;
    const { artifactId, name, description, parts, append, lastChunk } = event.data;
    const previous = byId.get(artifactId);
    byId.set(artifactId, {
      artifactId,
      name: name ?? previous?.name ?? null,
      description: description ?? previous?.description ?? null,
      parts: append && previous ? appendParts(previous.parts, parts) : parts,
      complete: lastChunk !== false,
    });
  }
  return [...byId.values()];
}
