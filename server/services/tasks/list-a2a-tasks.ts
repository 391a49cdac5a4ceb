import "server-only";
import type { ListTasksResponse } from "@a2a-js/sdk";
import { db } from "../../db";
import type { Prisma } from "../../generated/prisma/client";
import type { TaskState } from "../../generated/prisma/enums";
import { loadA2ATask } from "./a2a-task";

const MAX_PAGE = 100;
const DEFAULT_PAGE = 50;

export interface ListA2ATasksInput {
  orgId: string;
  agentId?: string;
  contextId?: string;
  state?: TaskState;
  /** Only tasks whose status changed after this instant. */
  updatedAfter?: Date;
  pageSize?: number;
  /** The last task id of the previous page (ids are time-ordered UUIDv7). */
  pageToken?: string;
  historyLength?: number;
  includeArtifacts?: boolean;
  /** Only the children of this task (a delegation grant lists what its task started). */
  parentTaskId?: string;
  /** Only the requests to one department (its id) or, with null, to the whole company (MANAGER tasks). */
  requestsTo?: string | null;
}

/** ListTasks: the org's tasks (on one agent, for an agent's endpoint), newest first, cursor-paged. */
export async function listA2ATasks(input: ListA2ATasksInput): Promise<ListTasksResponse> {
  const pageSize = Math.min(Math.max(input.pageSize || DEFAULT_PAGE, 1), MAX_PAGE);
  const where: Prisma.TaskWhereInput = {
    orgId: input.orgId,
    ...(input.agentId ? { agentId: input.agentId } : {}),
    ...(input.contextId ? { contextId: input.contextId } : {}),
    ...(input.state ? { state: input.state } : {}),
    ...(input.updatedAfter ? { updatedAt: { gt: input.updatedAfter } } : {}),
    ...(input.parentTaskId ? { parentTaskId: input.parentTaskId } : {}),
    ...(input.requestsTo !== undefined ? { kind: "MANAGER" as const, departmentId: input.requestsTo } : {}),
  };
  const [rows, totalSize] = await Promise.all([
    db.task.findMany({
      where: input.pageToken ? { AND: [where, { id: { lt: input.pageToken } }] } : where,
      orderBy: { id: "desc" },
      take: pageSize + 1,
      select: { id: true },
    }),
    db.task.count({ where }),
  ]);
  const page = rows.slice(0, pageSize);
  const tasks = [];
  for (const row of page) {
    const task = await loadA2ATask({ orgId: input.orgId, taskId: row.id, historyLength: input.historyLength ?? 0 });
    if (task) tasks.push(input.includeArtifacts ? task : { ...task, artifacts: [] });
  }
  return { tasks, nextPageToken: rows.length > pageSize ? (page.at(-1)?.id ?? "") : "", pageSize, totalSize };
}
