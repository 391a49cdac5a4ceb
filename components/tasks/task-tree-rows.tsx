import Link from "next/link";
import { creditCount } from "@/components/format";
import { cn } from "@/components/ui/cn";
import { parseOrgEventData, type OrgEventView } from "@/server/schemas/org-events";
import type { TaskTreeNodeView } from "@/server/trpc/routers/tasks/get-task-tree.types";
import { formatDuration, isActiveState } from "./task-format";
import { TaskStateBadge } from "./task-state-badge";

const time = new Intl.DateTimeFormat("en-US", { hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** A node and its children, in the order the tree panel lists them (depth first, oldest child first). */
export interface TreeRow {
  node: TaskTreeNodeView;
  /** Levels below the tree's root. */
  level: number;
}

/** The flat, parents-first node list as rows in reading order: each node followed by its subtree. */
export function treeRows(nodes: TaskTreeNodeView[]): TreeRow[] {
  const children = new Map<string | null, TaskTreeNodeView[]>();
  const ids = new Set(nodes.map((n) => n.id));
  for (const node of nodes) {
    // The root (and a node whose parent was cut from a truncated tree) starts a branch of its own.
    const parent = node.parentId !== null && ids.has(node.parentId) ? node.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), node]);
  }
  const rows: TreeRow[] = [];
  const visit = (node: TaskTreeNodeView, level: number) => {
    rows.push({ node, level });
    for (const child of children.get(node.id) ?? []) visit(child, level + 1);
  };
  for (const top of children.get(null) ?? []) visit(top, 0);
  return rows;
}

/** Whether an org event may change what the tree shows: one of its tasks, or a new child of one. */
export function concernsTree(ids: ReadonlySet<string>, event: OrgEventView): boolean {
  if (event.subject.type !== "task") return false;
  if (ids.has(event.subject.id)) return true;
  if (event.type !== "task.created") return false;
  const parsed = parseOrgEventData("task.created", event.data);
  return parsed.success && parsed.data.parentTaskId != null && ids.has(parsed.data.parentTaskId);
}

/** "12:01:03 · 4.2 s", "12:01:03 · running 3.0 s", "queued 12:01:03". */
export function nodeTimeline(node: TaskTreeNodeView, now: number): string {
  const start = node.startedAt ?? null;
  if (!start) return `queued ${time.format(node.createdAt)}`;
  const end = node.finishedAt?.getTime() ?? (isActiveState(node.state) ? now : null);
  if (end === null) return time.format(start);
  const took = formatDuration(Math.max(0, end - start.getTime()));
  return `${time.format(start)} · ${node.finishedAt ? took : `running ${took}`}`;
}

/** "20 credits held", "20 credits", "refunded". */
export function nodeCost(node: TaskTreeNodeView): string {
  if (node.costCredits === 0)
    return node.kind === "MANAGER" ? "no fee" : isActiveState(node.state) ? "free" : "not charged";
  const amount = creditCount(node.costCredits);
  return isActiveState(node.state) ? `${amount} held` : amount;
}

export function TaskTreeRow({ row, current, now }: { row: TreeRow; current: boolean; now: number }) {
  const { node, level } = row;
  return (
    <li
      data-testid="task-tree-node"
      data-task-id={node.id}
      data-state={node.state}
      className={cn("border-l py-2 pr-1", level === 0 ? "border-transparent" : "border-border")}
      style={{ marginLeft: `${Math.max(0, level - 1) * 0.75}rem`, paddingLeft: level === 0 ? 0 : "0.625rem" }}
    >
      <div className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
        {current ? (
          <span className="min-w-0 max-w-full truncate text-sm font-semibold" aria-current="page">
            {node.agent.name}
            <span className="sr-only"> (this task)</span>
          </span>
        ) : (
          <Link
            href={`/tasks/${node.id}`}
            className="min-w-0 max-w-full truncate text-sm font-medium underline-offset-4 hover:underline"
          >
            {node.agent.name}
          </Link>
        )}
        <TaskStateBadge state={node.state} />
      </div>
      <div className="mt-1 flex flex-wrap gap-x-3 text-xs text-muted-foreground">
        <span data-testid="task-tree-cost">{nodeCost(node)}</span>
        <span>{nodeTimeline(node, now)}</span>
        {node.totalCostCredits !== node.costCredits ? (
          <span>with its delegates {creditCount(node.totalCostCredits)}</span>
        ) : null}
      </div>
    </li>
  );
}
