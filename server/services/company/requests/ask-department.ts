import "server-only";
import type { BureauMessage } from "../../../a2a/bureau-format";
import { messageText } from "../../../a2a/bureau-format";
import { db } from "../../../db";
import { DomainError } from "../../../errors";
import { Prisma } from "../../../generated/prisma/client";
import type { TaskSource, TaskState } from "../../../generated/prisma/enums";
import type { InputJsonValue } from "../../../generated/prisma/internal/prismaNamespace";
import { eventTransaction } from "../../events/event-transaction";
import { recordEvent } from "../../events/record-event";
import { publishTaskNotifications } from "../../events/task-fanout";
import { dispatchTaskEvent } from "../../tasks/dispatch";
import { assertMessageId } from "../../tasks/message-id";
import {
  authorizeTaskActor,
  eventActor,
  type StartedTask,
  type StartTaskInput,
  type TaskActor,
} from "../../tasks/start-task";
import { insertTaskEvents } from "../../tasks/task-events";
import { uuidV7 } from "../../tasks/uuid-v7";
import { MANAGER_AGENT_ID } from "./manager-agent";

export interface AskInput {
  orgId: string;
  /** The department asked; null: the whole company (its manager routes among departments). */
  departmentSlug: string | null;
  message: BureauMessage;
  actor: TaskActor;
  source: Exclude<TaskSource, "SANDBOX">;
  contextId?: string;
  /** A plan step that hands a part to another department: the request is a child of that plan's task. */
  parent?: StartTaskInput["parent"];
  /**
   * Already decided (a position asked directly whose department's policy
   * gates the task: its route, approval first): recorded with the task, so
   * the manager does not decide again.
   */
  decided?: unknown;
}

export const REQUEST_TEXT_LIMIT = 8_000;

/**
 * A request to a department (or the whole company): a MANAGER task, the
 * parent of whatever its manager's route or plan starts. It holds no credits
 * itself (its children do, each within the budgets of its department), so it
 * is accepted with no hold; the manager then decides in a durable function
 * (`company/request.started`). The caller's messageId is the idempotency key,
 * as for every task.
 */
export async function askDepartment(input: AskInput): Promise<StartedTask> {
  assertMessageId(input.message.messageId);
  const text = messageText(input.message).trim();
  if (!text) throw new DomainError("invalid_input", "Say what you need: the request has no text.");
  if (text.length > REQUEST_TEXT_LIMIT)
    throw new DomainError(
      "invalid_input",
      `Keep a request under ${REQUEST_TEXT_LIMIT.toLocaleString("en-US")} characters.`,
    );
  await authorizeTaskActor(input.orgId, input.actor);
  const department = input.departmentSlug === null ? null : await findDepartment(input.orgId, input.departmentSlug);
  const departmentId = department?.id ?? null;

  const existing = await findByMessageId(input.orgId, input.message.messageId);
  if (existing) return answerRetry(existing, departmentId, input.message.messageId);

  const id = uuidV7();
  const contextId = input.contextId ?? crypto.randomUUID();
  const at = new Date();
  const actor = eventActor(input.actor);
  let lastEventId: bigint;
  try {
    lastEventId = await eventTransaction(async (tx) => {
      await tx.task.create({
        data: {
          id,
          orgId: input.orgId,
          agentId: MANAGER_AGENT_ID,
          kind: "MANAGER",
          source: input.source,
          contextId,
          clientMessageId: input.message.messageId,
          price: 0,
          input: input.message as unknown as InputJsonValue,
          ...(input.decided === undefined ? {} : { managerRecord: input.decided as InputJsonValue }),
          state: "WORKING",
          startedAt: at,
          departmentId,
          createdById: "userId" in input.actor ? input.actor.userId : null,
          apiKeyId: input.actor.kind === "apiKey" ? input.actor.apiKeyId : null,
          ...(input.parent
            ? {
                parentTaskId: input.parent.taskId,
                rootTaskId: input.parent.rootTaskId,
                depth: input.parent.depth + 1,
              }
            : {}),
        },
      });
      const timestamp = at.toISOString();
      const ids = await insertTaskEvents(tx, { taskId: id, orgId: input.orgId }, [
        { kind: "message", data: { turn: 1, message: input.message } },
        { kind: "status", data: { state: "SUBMITTED", timestamp } },
        {
          kind: "status",
          data: {
            state: "WORKING",
            timestamp,
            message: managerMessage(
              `${department ? department.name : "The company"}'s manager is reading the request.`,
            ),
          },
        },
      ]);
      await recordEvent(tx, {
        orgId: input.orgId,
        type: "task.created",
        subject: { type: "task", id },
        actor,
        data: {
          agentId: MANAGER_AGENT_ID,
          source: input.source,
          priceCredits: 0,
          parentTaskId: input.parent?.taskId ?? null,
          departmentId,
        },
      });
      return ids[ids.length - 1]!;
    });
  } catch (error) {
    // A concurrent send of the same message committed first.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const raced = await findByMessageId(input.orgId, input.message.messageId);
      if (raced) return answerRetry(raced, departmentId, input.message.messageId);
    }
    throw error;
  }
  await publishTaskNotifications([{ orgId: input.orgId, taskId: id, id: String(lastEventId) }]);
  await dispatchRequest(id, 1);
  return { id, contextId, price: 0, created: true };
}

/** Sends the turn to the manager (also after a reply to its question: turn 2, 3, ...). */
export function dispatchRequest(taskId: string, turn: number): Promise<void> {
  return dispatchTaskEvent({
    name: "company/request.started",
    id: `company-request:${taskId}:${turn}`,
    data: { taskId, turn },
  });
}

/** A status message in the manager's voice. */
export function managerMessage(text: string): BureauMessage {
  return { messageId: crypto.randomUUID(), role: "agent", parts: [{ kind: "text", text }] };
}

/** A status change of a request, said in the manager's voice (the message, and the task's status line). */
export function managerStatus(
  to: TaskState,
  from: readonly TaskState[],
  text: string,
  opts: { logRepeats?: boolean } = {},
) {
  return { to, from, message: managerMessage(text), statusText: text.slice(0, 1_000), ...opts };
}

/** The org's department by slug; archived or another org's: not found, like an unknown agent. */
export async function findDepartment(orgId: string, slug: string) {
  const department = await db.department.findFirst({
    where: { orgId, slug, archivedAt: null },
    select: { id: true, slug: true, name: true, mission: true },
  });
  if (!department)
    throw new DomainError("department_not_found", `No department "${slug.slice(0, 80)}" in this organization.`);
  return department;
}

function findByMessageId(orgId: string, messageId: string) {
  return db.task.findUnique({
    where: { orgId_clientMessageId: { orgId, clientMessageId: messageId } },
    select: { id: true, contextId: true, kind: true, departmentId: true },
  });
}

function answerRetry(
  found: { id: string; contextId: string; kind: string; departmentId: string | null },
  departmentId: string | null,
  messageId: string,
): StartedTask {
  if (found.kind !== "MANAGER" || found.departmentId !== departmentId)
    throw new DomainError(
      "message_id_reused",
      `messageId "${messageId}" already started another task; send each new message with a new messageId.`,
    );
  return { id: found.id, contextId: found.contextId, price: 0, created: false };
}
