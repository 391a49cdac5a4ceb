import "server-only";
import { isTerminal } from "../a2a/bureau-format";
import { db } from "../db";
import { isDomainError } from "../errors";
import { requestCancel } from "../services/tasks/cancel-task";
import { hasAnyScope, type McpPrincipal } from "./principal";
import { mcpMessageId } from "./session";

/**
 * `notifications/cancelled` for a request of this session: the task that
 * request started (found by its messageId, which session, caller and request
 * id determine) is cancelled through Bureau's cancel, whichever process is
 * running the call. The running call then sees the task end and stops.
 * Anything else (no session, a request that started nothing, a task that
 * already ended) changes nothing, as the spec asks of a late cancellation.
 */
export async function cancelRequestedWork(
  principal: McpPrincipal,
  sessionId: string | null,
  requestId: string | number | undefined,
): Promise<void> {
  if (!sessionId || requestId === undefined || !hasAnyScope(principal, ["tasks:write"])) return;
  const clientMessageId = mcpMessageId(principal, sessionId, requestId);
  const task = await db.task.findUnique({
    where: { orgId_clientMessageId: { orgId: principal.orgId, clientMessageId } },
    select: { id: true, state: true },
  });
  if (!task || isTerminal(task.state)) return;
  try {
    await requestCancel({ orgId: principal.orgId, taskId: task.id });
  } catch (error) {
    // It ended between the read and the cancel.
    if (!isDomainError(error) || error.code !== "already_finished") throw error;
  }
}
