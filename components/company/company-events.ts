import { summarize } from "@/components/console/event-groups";
import { STATE_LABEL } from "@/components/tasks/task-format";
import type { OrgEventView } from "@/server/schemas/org-events";

/** What moves the chart's figures or its structure. */
const COMPANY_PREFIXES = ["task.", "budget.", "department.", "position.", "approval."];

/** Whether an event is one the company pages show or re-read their figures for. */
export const isCompanyEvent = (event: OrgEventView) => COMPANY_PREFIXES.some((p) => event.type.startsWith(p));

export interface ActivityItem {
  id: string;
  type: string;
  text: string;
  at: Date;
}

/** Where an event belongs on the chart, from what the page already knows. */
export interface Attribution {
  /** Position id -> its department id (from the chart). */
  positions: ReadonlyMap<string, string>;
  /** Task id -> its department id (from runs on the page, or a task event that named it). */
  tasks: Map<string, string>;
}

const text = (v: unknown) => (typeof v === "string" && v.length > 0 ? v : null);
const record = (v: unknown): Record<string, unknown> => (v !== null && typeof v === "object" ? { ...v } : {});

/**
 * The departments an event is about (none when it cannot tell): its data's
 * departmentId (positions, budgets), both ends of a position's move, a
 * department subject, a position or a task the page knows. A task event that
 * names its department teaches the later events of that task where they
 * belong (today's task events name none: see useCompanyActivity).
 */
export function departmentsOf(event: OrgEventView, known: Attribution): string[] {
  const data = record(event.data);
  const named = text(data.departmentId);
  const { type, id } = event.subject;
  if (type === "task" && named) known.tasks.set(id, named);
  const moved = [text(data.fromDepartmentId), text(data.toDepartmentId)].filter((d): d is string => d !== null);
  if (moved.length) return moved;
  if (named) return [named];
  if (type === "department") return [id];
  const placed = type === "position" ? known.positions.get(id) : type === "task" ? known.tasks.get(id) : undefined;
  return placed ? [placed] : [];
}

const sentence = (type: string) => {
  const [noun = "", verb = ""] = type.split(".");
  const words = `${noun} ${verb}`.replaceAll("_", " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** One short line for the chart: what happened, in words. */
export function describeEvent(event: OrgEventView): string {
  const data = record(event.data);
  switch (event.type) {
    case "task.created":
      return `Task started (${String(data.priceCredits ?? 0)} credits)`;
    case "task.state_changed": {
      const to = String(data.to);
      return Object.hasOwn(STATE_LABEL, to)
        ? `Task ${STATE_LABEL[to as keyof typeof STATE_LABEL].toLowerCase()}`
        : "Task moved";
    }
    case "task.settled":
      return `Task settled: ${String(data.chargedCredits ?? 0)} credits charged`;
    case "approval.requested":
      return `Approval requested: ${String(data.title ?? "")}`;
    default:
      if (event.type.startsWith("task.") || event.type.startsWith("budget.")) return summarize(event);
      return [sentence(event.type), text(data.title) ?? text(data.name)].filter(Boolean).join(": ");
  }
}

export function toActivity(event: OrgEventView): ActivityItem {
  return { id: event.id, type: event.type, text: describeEvent(event), at: new Date(event.createdAt) };
}
