import { describe, expect, it } from "vitest";
import { timelineEntries } from "@/components/tasks/task-timeline";
import type { TaskEventView } from "@/server/schemas/task-event-view";

const at = (s: number) => new Date(Date.UTC(2026, 11, 1, 9, 0, s)).toISOString();
const chunk = (id: number, artifactId: string, append: boolean): TaskEventView => ({
  id: String(id),
  kind: "artifact",
  createdAt: at(id),
  data: { artifactId, name: "Report", parts: [{ kind: "text", text: `part ${id}` }], append },
});
const progress = (id: number): TaskEventView => ({
  id: String(id),
  kind: "status",
  createdAt: at(id),
  data: { state: "WORKING", text: `${id}/4`, timestamp: at(id) },
});

describe("timelineEntries", () => {
  it("folds the appended chunks of one artifact into its first line, counting parts and keeping the last time", () => {
    const events = [progress(1), chunk(2, "a", false), ...[3, 4, 5].map((id) => chunk(id, "a", true)), progress(6)];
    const entries = timelineEntries(events);
    expect(entries.map((e) => [e.event.id, e.parts, e.last])).toEqual([
      ["1", 1, at(1)],
      ["2", 4, at(5)],
      ["6", 1, at(6)],
    ]);
  });

  it("keeps separate artifacts, a fresh (non-append) artifact and chunks split by progress as their own lines", () => {
    const events = [chunk(1, "a", false), chunk(2, "b", true), chunk(3, "b", false), progress(4), chunk(5, "b", true)];
    expect(timelineEntries(events).map((e) => [e.event.id, e.parts])).toEqual([
      ["1", 1],
      ["2", 1],
      ["3", 1],
      ["4", 1],
      ["5", 1],
    ]);
  });
});
