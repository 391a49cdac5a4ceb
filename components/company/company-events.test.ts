import { describe, expect, it } from "vitest";
import type { OrgEventView } from "@/server/schemas/org-events";
import { departmentsOf, describeEvent, isCompanyEvent } from "./company-events";

const event = (type: OrgEventView["type"], subject: [string, string], data: unknown): OrgEventView => ({
  id: "1",
  type,
  subject: { type: subject[0], id: subject[1] },
  actor: { kind: "system", id: null },
  data,
  createdAt: "2026-12-01T10:00:00.000Z",
});

describe("placing org events on the company chart", () => {
  const known = () => ({ positions: new Map([["p1", "marketing"]]), tasks: new Map([["t1", "legal"]]) });

  it("keeps the company's events out of everything else the org log holds", () => {
    expect(isCompanyEvent(event("position.hired", ["position", "p"], {}))).toBe(true);
    expect(isCompanyEvent(event("task.settled", ["task", "t"], {}))).toBe(true);
    expect(isCompanyEvent(event("api_key.created", ["api_key", "k"], {}))).toBe(false);
    expect(isCompanyEvent(event("member.joined", ["member", "m"], {}))).toBe(false);
  });

  it("places department, position, moved-position and known-task events", () => {
    expect(departmentsOf(event("department.archived", ["department", "d1"], { name: "Legal" }), known())).toEqual([
      "d1",
    ]);
    const paused = event("position.paused", ["position", "p9"], { departmentId: "finance", title: "Analyst" });
    expect(departmentsOf(paused, known())).toEqual(["finance"]);
    const moved = event("position.moved", ["position", "p1"], {
      title: "Writer",
      fromDepartmentId: "marketing",
      toDepartmentId: "content",
    });
    expect(departmentsOf(moved, known())).toEqual(["marketing", "content"]);
    const state = event("task.state_changed", ["task", "t1"], { from: "WORKING", to: "COMPLETED", message: null });
    expect(departmentsOf(state, known())).toEqual(["legal"]);
  });

  it("leaves an unknown task unplaced, and learns a task's department from an event naming it", () => {
    const k = known();
    const later = event("task.settled", ["task", "t2"], { state: "COMPLETED", outcome: "captured", chargedCredits: 5 });
    expect(departmentsOf(later, k)).toEqual([]);
    departmentsOf(event("task.created", ["task", "t2"], { departmentId: "finance", priceCredits: 5 }), k);
    expect(departmentsOf(later, k)).toEqual(["finance"]);
  });

  it("says what happened in a few words", () => {
    expect(describeEvent(event("position.hired", ["position", "p1"], { title: "Blog writer" }))).toBe(
      "Position hired: Blog writer",
    );
    expect(describeEvent(event("task.state_changed", ["task", "t1"], { to: "INPUT_REQUIRED" }))).toBe(
      "Task needs your input",
    );
    expect(describeEvent(event("department.leads_changed", ["department", "d"], { name: "Legal" }))).toBe(
      "Department leads changed: Legal",
    );
  });
});
