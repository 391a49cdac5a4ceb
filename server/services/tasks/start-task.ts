import "server-only";
import { hasRole } from "../../auth/roles";
import type { ApiKeyScope } from "../../auth/api-key-scopes";
import { db } from "../../db";
import { Prisma } from "../../generated/prisma/client";
import type { TaskSource } from "../../generated/prisma/enums";
import type { InputJsonValue } from "../../generated/prisma/internal/prismaNamespace";
import type { BureauMessage } from "../../a2a/bureau-format";
import type { BudgetCrossing } from "../budgets/enforce-budgets";
import { sendBudgetAlerts } from "../budgets/send-budget-alerts";
import { DomainError, isDomainError } from "../../errors";
import { groupCommit } from "../../group-commit";
import { placeHold } from "../ledger/place-hold";
import { dispatchTaskEvent } from "./dispatch";
import { assertMessageId } from "./message-id";
import type { EventActor } from "../events/catalogue";
import { recordEvents } from "../events/record-event";
import { publishOrgEventNotifications, publishTaskNotifications } from "../events/task-fanout";
import { insertTaskEvents } from "./task-events";
import { taskRunner } from "./task-runner";
import { orgStream } from "./write-task";
import { checkPushUrl } from "./task-push-configs";

/** Who is starting the task, as each door authenticated them. */
export type TaskActor =
  | { kind: "user"; userId: string }
  | { kind: "apiKey"; apiKeyId: string; scopes: readonly ApiKeyScope[] }
  | { kind: "workflow"; userId: string | null; runId: string };

export interface StartTaskInput {
  orgId: string;
  agent: { slug: string } | { id: string };
  message: BureauMessage;
  actor: TaskActor;
  /** The door it came through; a sandbox run is recorded as SANDBOX whatever the door. */
  source: Exclude<TaskSource, "SANDBOX">;
  contextId?: string;
  departmentId?: string | null;
  /**
   * A seller's free test run of its own draft listing: found only among the
   * caller org's drafts (anyone else's is "not found"), recorded at price 0,
   * so no credits are held or charged and no budget applies. Its source is
   * SANDBOX, which keeps it out of the agent's task count and quality.
   */
  sandbox?: boolean;
  /** An A2A push-notification webhook for the task, saved with it (the URL is checked before anything is held). */
  pushConfig?: { configId?: string; url: string; token?: string };
}

export interface StartedTask {
  id: string;
  contextId: string;
  price: number;
  /** False when the caller retried a message that already started this task. */
  created: boolean;
}

async function authorize(orgId: string, actor: TaskActor): Promise<void> {
  if (actor.kind === "apiKey") {
    if (!actor.scopes.includes("tasks:write"))
      throw new DomainError("missing_scope", "This API key lacks the tasks:write scope.");
    return;
  }
  if (actor.kind === "workflow" && actor.userId === null) return;
  const member = await db.member.findFirst({
    where: { organizationId: orgId, userId: actor.userId! },
    select: { role: true },
  });
  if (!member) throw new DomainError("forbidden", "You are not a member of this organization.");
  if (!hasRole(member.role, "member"))
    throw new DomainError("forbidden", "Viewers cannot run tasks. Ask an admin for the member role.");
}

/**
 * The one way a task starts, whatever the door (UI, A2A, MCP, workflow):
 * authorize, check budget and balance while placing the credit hold, record
 * the task and its first message, then emit task/started. Anything refused
 * is refused before a credit is held. The caller's messageId is the
 * idempotency key: a retry for the same agent returns the task it started,
 * the same messageId for another agent is refused.
 */
export async function startTask(input: StartTaskInput): Promise<StartedTask> {
  assertMessageId(input.message.messageId);
  if (input.message.parts.length === 0) throw new DomainError("invalid_input", "The message has no content.");
  if (input.pushConfig) checkPushUrl(input.pushConfig.url);
  await authorize(input.orgId, input.actor);
  const ref = "slug" in input.agent ? { slug: input.agent.slug } : { id: input.agent.id };
  const found = await findRunnableAgent(input.orgId, ref, input.sandbox === true);
  if (!found) throw await unavailableAgent(ref, input.sandbox === true);
  const agent = { ...found, pricePerTask: input.sandbox ? 0 : found.pricePerTask };

  const contextId = input.contextId ?? crypto.randomUUID();
  const source: TaskSource = input.sandbox ? "SANDBOX" : input.source;
  // Run here when this process's runner takes it: the task is then accepted
  // as WORKING (dispatched) and stamped with the runner, in the same write.
  const inline = taskRunner.accepts();
  const now = new Date();
  let task: { id: string; createdAt: Date; lastEventId: bigint; lastOrgEventId: bigint };
  // Filled inside the transaction, sent only once it has committed.
  let crossings: BudgetCrossing[] = [];
  try {
    // One transaction accepts the task: the row, its first events, the
    // webhook, and last the hold (whose wallet lock is held until commit).
    // A retried messageId collides on the unique index and is answered
    // below with the task it started.
    // Accepts of one org share a commit stream (group commit): holds that
    // arrive together lock the org's wallet once and flush the WAL once.
    task = await groupCommit.run(orgStream(input.orgId), async (tx) => {
      const created = await tx.task.create({
        data: {
          orgId: input.orgId,
          agentId: agent.id,
          source,
          contextId,
          clientMessageId: input.message.messageId,
          price: agent.pricePerTask,
          input: input.message as unknown as InputJsonValue,
          createdById: input.actor.kind === "apiKey" ? null : input.actor.userId,
          apiKeyId: input.actor.kind === "apiKey" ? input.actor.apiKeyId : null,
          ...(inline ? { state: "WORKING", startedAt: now, runnerId: taskRunner.id } : {}),
        },
        select: { id: true, createdAt: true },
      });
      const at = now.toISOString();
      const eventIds = await insertTaskEvents(tx, { taskId: created.id, orgId: input.orgId }, [
        { kind: "message", data: { turn: 1, message: input.message } },
        { kind: "status", data: { state: "SUBMITTED", timestamp: at } },
        ...(inline ? [{ kind: "status" as const, data: { state: "WORKING", timestamp: at } }] : []),
      ]);
      if (input.pushConfig) {
        await tx.taskPushConfig.create({
          data: {
            taskId: created.id,
            orgId: input.orgId,
            configId: input.pushConfig.configId || crypto.randomUUID(),
            url: input.pushConfig.url,
            token: input.pushConfig.token || null,
          },
          select: { id: true },
        });
      }
      let holdId: string | null = null;
      if (agent.pricePerTask > 0) {
        ({ crossings, holdId } = await placeHold(tx, {
          orgId: input.orgId,
          taskId: created.id,
          amount: agent.pricePerTask,
          departmentId: input.departmentId ?? null,
          newTask: true,
        }));
      }
      const subject = { type: "task" as const, id: created.id };
      const actor = eventActor(input.actor);
      const orgEventIds = await recordEvents(tx, [
        {
          orgId: input.orgId,
          type: "task.created",
          subject,
          actor,
          data: { agentId: agent.id, source: source, priceCredits: agent.pricePerTask, parentTaskId: null },
        },
        ...(holdId
          ? [
              {
                orgId: input.orgId,
                type: "credits.held" as const,
                subject,
                actor,
                data: { holdId, amount: agent.pricePerTask },
              },
            ]
          : []),
      ]);
      return { ...created, lastEventId: eventIds.at(-1)!, lastOrgEventId: orgEventIds.at(-1)! };
    });
  } catch (error) {
    if (isDomainError(error)) throw error;
    const ledgerCode = ledgerRefusalCode(error);
    if (ledgerCode) throw new DomainError(ledgerCode, (error as Error).message);
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const raced = await findByClientMessage(input.orgId, input.message.messageId, agent.id);
      if (raced) return raced;
    }
    throw error;
  }
  await publishTaskNotifications([{ orgId: input.orgId, taskId: task.id, id: String(task.lastEventId) }]);
  await publishOrgEventNotifications([{ orgId: input.orgId, id: task.lastOrgEventId }]);
  if (crossings.length) await sendBudgetAlerts(crossings);
  if (inline) {
    taskRunner.run(task.id, {
      task: {
        id: task.id,
        orgId: input.orgId,
        state: "WORKING",
        sentTurn: 0,
        remoteTaskId: null,
        remoteContextId: null,
        cancelRequestedAt: null,
        createdAt: task.createdAt,
        agent: { endpointUrl: agent.endpointUrl, versions: agent.versions },
      },
      message: input.message,
    });
  } else {
    await dispatchTaskEvent({ name: "task/started", id: task.id, data: { taskId: task.id } });
  }
  return { id: task.id, contextId, price: agent.pricePerTask, created: true };
}

/**
 * The agent a task may run on, with what its run needs (endpoint, latest
 * card), in one statement: a published listing, or one of the caller's own
 * that is not paused or suspended; for a sandbox run, only the caller's
 * own drafts.
 */
async function findRunnableAgent(orgId: string, ref: { slug: string } | { id: string }, sandbox: boolean) {
  const bySlug = "slug" in ref ? ref.slug : null;
  const byId = "id" in ref ? ref.id : null;
  const rows = await db.$queryRaw<{ id: string; pricePerTask: number; endpointUrl: string; card: unknown }[]>`
    SELECT a.id, a."pricePerTask", a."endpointUrl",
           (SELECT v.card FROM "AgentVersion" v WHERE v."agentId" = a.id ORDER BY v.version DESC LIMIT 1) AS card
    FROM "Agent" a
    WHERE (a.slug = ${bySlug} OR a.id = ${byId})
      AND CASE WHEN ${sandbox} THEN a."orgId" = ${orgId} AND a.status = 'DRAFT'
               ELSE a.status = 'PUBLISHED' OR (a."orgId" = ${orgId} AND a.status NOT IN ('PAUSED', 'SUSPENDED')) END
    LIMIT 1`;
  const row = rows[0];
  return row ? { ...row, versions: row.card === null ? [] : [{ card: row.card }] } : null;
}

/** The org event log's name for who started a task. */
function eventActor(actor: TaskActor): EventActor {
  if (actor.kind === "apiKey") return { kind: "apiKey", id: actor.apiKeyId };
  if (actor.kind === "workflow") return { kind: "workflow", id: actor.runId };
  return { kind: "user", id: actor.userId };
}

/** Why no agent was found: a listing its seller paused says so; anything else is simply not found. */
async function unavailableAgent(ref: { slug: string } | { id: string }, sandbox: boolean): Promise<DomainError> {
  const paused = sandbox
    ? null
    : await db.agent.findFirst({ where: { ...ref, status: "PAUSED" }, select: { name: true } });
  if (paused)
    return new DomainError(
      "agent_unavailable",
      `${paused.name} is paused by its seller and takes no new tasks until they resume it.`,
    );
  return new DomainError("agent_not_found", "No such agent is available.");
}

async function findByClientMessage(orgId: string, messageId: string, agentId: string): Promise<StartedTask | null> {
  const found = await db.task.findUnique({
    where: { orgId_clientMessageId: { orgId, clientMessageId: messageId } },
    select: { id: true, contextId: true, price: true, agentId: true },
  });
  if (!found) return null;
  if (found.agentId !== agentId)
    throw new DomainError(
      "message_id_reused",
      `messageId "${messageId}" already started a task for another agent; send each new message with a new messageId.`,
    );
  return { id: found.id, contextId: found.contextId, price: found.price, created: false };
}

/**
 * The ledger's refusals (insufficient credits, over budget) are becoming
 * DomainErrors themselves; until then they are recognised by their code.
 */
function ledgerRefusalCode(error: unknown): "insufficient_credits" | "budget_exceeded" | null {
  const code = error instanceof Error && "code" in error ? error.code : null;
  return code === "insufficient_credits" || code === "budget_exceeded" ? code : null;
}
