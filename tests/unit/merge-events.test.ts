import { describe, expect, it } from "vitest";
import { assembleArtifacts, latestState, mergeEvents } from "@/components/tasks/merge-events";
import { appendParts, type TaskEventView } from "@/server/schemas/task-event-view";

let nextId = 100;
const at = "2026-12-01T10:00:00.000Z";
const chunk = (text: string, opts: { append: boolean; lastChunk: boolean; artifactId?: string }): TaskEventView => ({
  id: String(nextId++),
  createdAt: at,
  kind: "artifact",
  data: {
    artifactId: opts.artifactId ?? "report",
    name: "Report",
    parts: [{ kind: "text", text }],
    append: opts.append,
    lastChunk: opts.lastChunk,
  },
});
const status = (state: "WORKING" | "COMPLETED", text?: string): TaskEventView => ({
  id: String(nextId++),
  createdAt: at,
  kind: "status",
  data: { state, ...(text ? { text } : {}), timestamp: at },
});

describe("the results panel, built from the event log", () => {
  it("shows a streamed artifact as it grows, chunk by chunk, before the last chunk", () => {
    const events = [
      status("WORKING", "1/2"),
      chunk("# Heat pumps\n\n| Country | Share |\n", { append: false, lastChunk: false }),
      chunk("| --- | --- |\n| Norway | 6", { append: true, lastChunk: false }),
    ];
    const partial = assembleArtifacts(events);
    expect(partial).toEqual([
      {
        artifactId: "report",
        name: "Report",
        description: null,
        parts: [{ kind: "text", text: "# Heat pumps\n\n| Country | Share |\n| --- | --- |\n| Norway | 6" }],
        complete: false,
      },
    ]);
    const done = assembleArtifacts([...events, chunk("0% |\n", { append: true, lastChunk: true })]);
    expect(done[0]!.parts).toEqual([
      { kind: "text", text: "# Heat pumps\n\n| Country | Share |\n| --- | --- |\n| Norway | 60% |\n" },
    ]);
    expect(done[0]!.complete).toBe(true);
  });

  it("replaces an artifact sent again without append, and keeps artifacts in first-seen order", () => {
    const events = [
      chunk("draft", { append: false, lastChunk: true, artifactId: "a" }),
      chunk("other", { append: false, lastChunk: true, artifactId: "b" }),
      chunk("final", { append: false, lastChunk: true, artifactId: "a" }),
    ];
    expect(assembleArtifacts(events).map((a) => [a.artifactId, a.parts])).toEqual([
      ["a", [{ kind: "text", text: "final" }]],
      ["b", [{ kind: "text", text: "other" }]],
    ]);
  });

  it("adds a non-text chunk as its own part", () => {
    expect(appendParts([{ kind: "text", text: "Table:" }], [{ kind: "data", data: { rows: 2 } }])).toEqual([
      { kind: "text", text: "Table:" },
      { kind: "data", data: { rows: 2 } },
    ]);
  });

  it("merges the first load with live events by id, in log order, each once", () => {
    const [a, b, c] = [status("WORKING", "1/3"), status("WORKING", "2/3"), status("COMPLETED")];
    const merged = mergeEvents([a!, b!], [b!, c!]);
    expect(merged.map((e) => e.id)).toEqual([a!.id, b!.id, c!.id]);
    expect(latestState(merged)).toEqual({ state: "COMPLETED", text: null });
    // Live events that arrive before a slower first load still sort into place.
    expect(mergeEvents([c!], [a!]).map((e) => e.id)).toEqual([a!.id, c!.id]);
  });
});
