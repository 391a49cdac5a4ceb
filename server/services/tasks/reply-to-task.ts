import "server-only";
import { db } from "../../db";
import { DomainError } from "../../errors";
import type { BureauMessage } from "../../a2a/bureau-format";
import { dispatchTaskEvent } from "./dispatch";
import { dispatchRequest } from "../company/requests/ask-department";
import { assertMessageId } from "./message-id";
import { recordEvent } from "../events/record-event";
import { publishOrgEventNotifications, publishTaskNotifications } from "../events/task-fanout";
import { appendTaskEvent } from "./task-events";

/**
 * The buyer answers an agent that asked for input: the next turn is recorded
 * and task/message.sent continues the task on the same hold.
 */
export async function replyToTask(input: {
  orgId: string;
  taskId: string;
  message: BureauMessage;
}): Promise<{ turn: number }> {
  assertMessageId(input.message.messageId);
  const written = await db.$transaction(async (tx) => {
    const task = await tx.task.findFirst({
      where: { id: input.taskId, orgId: input.orgId },
      select: { state: true, turn: true, kind: true },
    });
    if (!task) throw new DomainError("task_not_found", "Task not found.");
    if (task.state !== "INPUT_REQUIRED")
      throw new DomainError("not_awaiting_input", "This task is not waiting for your input.");
    const next = task.turn + 1;
    // Conditional on the turn we read: two concurrent replies cannot both win.
    const { count } = await tx.task.updateMany({
      where: { id: input.taskId, state: "INPUT_REQUIRED", turn: task.turn },
      data: { turn: next, state: "WORKING", statusMessage: null },
    });
    if (count === 0) throw new DomainError("not_awaiting_input", "This task is not waiting for your input.");
    await appendTaskEvent(tx, {
      taskId: input.taskId,
      orgId: input.orgId,
      kind: "message",
      data: { turn: next, message: input.message },
    });
    const lastId = await appendTaskEvent(tx, {
      taskId: input.taskId,
      orgId: input.orgId,
      kind: "status",
      data: { state: "WORKING", timestamp: new Date().toISOString() },
    });
    const orgEvent = await recordEvent(tx, {
      orgId: input.orgId,
      type: "task.state_changed",
      subject: { type: "task", id: input.taskId },
      actor: { kind: "system", id: "buyer-reply" },
      data: { from: "INPUT_REQUIRED", to: "WORKING", message: null },
    });
    return { next, lastId, orgEventId: orgEvent.id, kind: task.kind };
  });
  await publishTaskNotifications([{ orgId: input.orgId, taskId: input.taskId, id: String(written.lastId) }]);
  await publishOrgEventNotifications([{ orgId: input.orgId, id: written.orgEventId }]);
  const turn = written.next;
  // A department request's answer to its manager's question: the manager decides again, with it.
  if (written.kind === "MANAGER") {
    await dispatchRequest(input.taskId, turn);
    return { turn };
  }
  await dispatchTaskEvent({
    name: "task/message.sent",
    id: `${input.taskId}:${turn}`,
    data: { taskId: input.taskId, turn },
  });
  return { turn };
}
