import "server-only";
import { z } from "zod";
import { db } from "../../db";
import { toTaskEventView, type TaskEventView, ZPartViewSchema } from "../../schemas/task-event-view";

const ZPartsSchema = z.array(ZPartViewSchema);

/**
 * One of an org's tasks with everything its page shows: the run so far
 * (events), the artifacts' current content, and whether the org may review
 * the agent. Null when the task is not this org's.
 */
export async function getOrgTask({ orgId, taskId }: { orgId: string; taskId: string }) {
  const task = await db.task.findFirst({
    where: { id: taskId, orgId },
    select: {
      id: true,
      state: true,
      statusMessage: true,
      price: true,
      source: true,
      kind: true,
      departmentId: true,
      positionId: true,
      turn: true,
      createdAt: true,
      startedAt: true,
      finishedAt: true,
      durationMs: true,
      cancelRequestedAt: true,
      settledAt: true,
      agent: { select: { id: true, slug: true, name: true, orgId: true, status: true } },
      artifacts: {
        orderBy: { createdAt: "asc" },
        select: { artifactId: true, name: true, description: true, parts: true },
      },
      events: { orderBy: { id: "asc" }, take: 2_000, select: { id: true, kind: true, data: true, createdAt: true } },
    },
  });
  if (!task) return null;
  const [completedRun, review, department, position] = await Promise.all([
    db.task.findFirst({ where: { orgId, agentId: task.agent.id, state: "COMPLETED" }, select: { id: true } }),
    db.review.findUnique({
      where: { agentId_orgId: { agentId: task.agent.id, orgId } },
      select: {
        id: true,
        rating: true,
        text: true,
        sellerReply: true,
        repliedAt: true,
        createdAt: true,
        updatedAt: true,
      },
    }),
    task.departmentId
      ? db.department.findUnique({ where: { id: task.departmentId }, select: { slug: true, name: true } })
      : null,
    task.positionId
      ? db.position.findUnique({ where: { id: task.positionId }, select: { id: true, title: true } })
      : null,
  ]);
  const { agent, artifacts, events, cancelRequestedAt, settledAt, departmentId: _d, positionId: _p, ...rest } = task;
  const manager = task.kind === "MANAGER";
  return {
    ...rest,
    cancelRequested: cancelRequestedAt !== null,
    settled: settledAt !== null,
    // A request's "agent" is its department's manager (Bureau's built-in one).
    agent: {
      slug: agent.slug,
      name: manager ? `${department?.name ?? "Company"} manager` : agent.name,
      published: agent.status === "PUBLISHED",
    },
    department,
    position,
    artifacts: artifacts.map((a) => {
      const parts = ZPartsSchema.safeParse(a.parts);
      return {
        artifactId: a.artifactId,
        name: a.name,
        description: a.description,
        parts: parts.success ? parts.data : [],
      };
    }),
    events: events.flatMap((e): TaskEventView[] => {
      const view = toTaskEventView(e);
      return view ? [view] : [];
    }),
    // Sellers do not review their own agents.
    canReview: !manager && completedRun !== null && agent.orgId !== orgId,
    review,
  };
}

/**
 * The live stream's access check: the task exists, belongs to `orgId`, and
 * the user is a member of that org, all in one query, so a foreign task and
 * a foreign org look the same (not found).
 */
export async function findMemberTask({ orgId, userId, taskId }: { orgId: string; userId: string; taskId: string }) {
  return db.task.findFirst({
    where: { id: taskId, orgId, org: { members: { some: { userId } } } },
    select: { id: true, state: true },
  });
}
