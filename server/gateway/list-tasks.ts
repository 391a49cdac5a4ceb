import type { ListTasksResponse } from "@a2a-js/sdk";
import { RequestMalformedError } from "@a2a-js/sdk/errors";
import { db } from "../db";
import type { TaskState } from "../generated/prisma/enums";
import { loadA2ATask } from "../services/tasks/a2a-task";

const MAX_PAGE = 100;

/** ListTasks: the caller org's tasks on this agent, newest first, cursor-paged. */
export async function listA2ATasks(input: {
  orgId: string;
  agentId?: string;
  contextId?: string;
  state?: TaskState;
  pageSize?: number;
  pageToken?: string;
  historyLength?: number;
  includeArtifacts?: boolean;
}): Promise<ListTasksResponse> {
  const pageSize = Math.min(Math.max(input.pageSize ?? 50, 1), MAX_PAGE);
  if (input.pageToken && !/^[0-9a-f-]{36}$/i.test(input.pageToken))
    throw new RequestMalformedError("pageToken is not one this server issued.");
  const where = {
    orgId: input.orgId,
    ...(input.agentId ? { agentId: input.agentId } : {}),
    ...(input.contextId ? { contextId: input.contextId } : {}),
    ...(input.state ? { state: input.state } : {}),
  };
  const [rows, totalSize] = await Promise.all([
    db.task.findMany({
      where,
      orderBy: { id: "desc" },
      take: pageSize + 1,
      ...(input.pageToken ? { cursor: { id: input.pageToken }, skip: 1 } : {}),
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
