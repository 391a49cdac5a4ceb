import "server-only";
import { hasRole } from "../../auth/roles";
import type { ApiKeyScope } from "../../auth/api-key-scopes";
import { db } from "../../db";
import type { TaskSource } from "../../generated/prisma/enums";
import type { BureauMessage } from "../../a2a/bureau-format";
import { sendBudgetAlerts } from "../budgets/send-budget-alerts";
import { DomainError } from "../../errors";
import { holdRefusalError } from "../ledger/place-hold";
import { acceptCall, acceptInTransaction, type AcceptArgs, type AcceptTree } from "./accept-task";
import { positionTerms, withStandingInstructions, type PositionTerms } from "../company/positions/position-terms";
import { dispatchTaskEvent } from "./dispatch";
import { assertMessageId } from "./message-id";
import { ZEventActorSchema, type EventActor } from "../events/catalogue";
import { publishOrgEventNotifications, publishTaskNotifications } from "../events/task-fanout";
import { taskCommits } from "./sql-pool";
import { taskRunner } from "./task-runner";
import { withKnowledgeContext } from "./task-knowledge";
import { uuidV7 } from "./uuid-v7";
import { orgStream } from "./write-task";
import { checkPushUrl } from "./task-push-configs";

/** Who is starting the task, as each door authenticated them. */
export type TaskActor =
  | { kind: "user"; userId: string }
  | { kind: "apiKey"; apiKeyId: string; scopes: readonly ApiKeyScope[] }
  | { kind: "workflow"; userId: string | null; runId: string }
  /**
   * A seller's agent delegating onward with the grant Bureau gave its task
   * (verified by the gateway, server/services/delegation): the child's parent
   * is that task, billed to its root's org inside the root's delegated budget.
   */
  | { kind: "delegation"; taskId: string; agentId: string };

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
   * The hired position it runs as (instead of `agent`'s listing alone): its
   * agent, its department (budget roll-up), its standing instructions ahead
   * of the message, and its per-task ceiling.
   */
  positionId?: string;
  /**
   * The task it is a child of: a manager task's route or plan step, or a
   * seller's task delegating onward with its grant (treeCapCredits: the
   * root's delegated budget, which every hold below the root must fit).
   */
  parent?: { taskId: string; rootTaskId: string; depth: number; treeCapCredits: number | null };
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

/** May this actor start tasks in the org (tasks:write for a key; member role or above for a person)? */
export async function authorizeTaskActor(orgId: string, actor: TaskActor): Promise<void> {
  // The grant was verified by the door (signature, expiry, its task still running); the tree limits are the accept's.
  if (actor.kind === "delegation") return;
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
 *
 * The accept is one statement (bureau_accept_task, accept-task.ts): the
 * agent, the idempotency check, the hold's checks under the wallet lock, the
 * task row, its first events, its webhook, the hold and its org events.
 */
export async function startTask(input: StartTaskInput): Promise<StartedTask> {
  assertMessageId(input.message.messageId);
  if (input.message.parts.length === 0) throw new DomainError("invalid_input", "The message has no content.");
  if (input.pushConfig) checkPushUrl(input.pushConfig.url);
  await authorizeTaskActor(input.orgId, input.actor);
  if (input.actor.kind === "delegation" && input.parent?.taskId !== input.actor.taskId)
    throw new DomainError("grant_invalid", "A delegated task must be started as a child of its grant's task.");
  if (input.positionId) input = await asPosition(input, await positionTerms(input.orgId, input.positionId));
  const sandbox = input.sandbox === true;
  const contextId = input.contextId ?? crypto.randomUUID();
  // Run here when this process's runner takes it: the task is then accepted
  // as WORKING (dispatched) and stamped with the runner, in the same write.
  const inline = taskRunner.accepts();
  const now = new Date();
  const args = acceptArgs(input, { sandbox, contextId, inline, now });
  // Accepts of one org share a commit stream (group commit): holds that
  // arrive together lock the org's wallet once and flush the WAL once, in
  // one statement carrying all of them (one arriving alone: its own call).
  const outcome = await taskCommits.run(orgStream(input.orgId), (tx) => acceptInTransaction(tx, args), {
    call: acceptCall(args),
  });
  if ("agentNotFound" in outcome) throw await unavailableAgent(args.agent, sandbox);
  if ("refused" in outcome) throw holdRefusalError(outcome);
  if ("duplicate" in outcome) {
    const found = outcome.duplicate;
    if (found.agentId !== outcome.agent)
      throw new DomainError(
        "message_id_reused",
        `messageId "${args.messageId}" already started a task for another agent; ` +
          "send each new message with a new messageId.",
      );
    return { id: found.id, contextId: found.contextId, price: found.price, created: false };
  }
  const task = outcome.accepted;
  await publishTaskNotifications([{ orgId: input.orgId, taskId: task.id, id: task.lastEventId }]);
  await publishOrgEventNotifications([{ orgId: input.orgId, id: BigInt(task.lastOrgEventId) }]);
  if (task.crossings.length) await sendBudgetAlerts(task.crossings);
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
        createdAt: now,
        agent: { endpointUrl: task.endpointUrl, versions: task.card === null ? [] : [{ card: task.card }] },
      },
      message: input.message,
    });
  } else {
    await dispatchTaskEvent({ name: "task/started", id: task.id, data: { taskId: task.id } });
  }
  return { id: task.id, contextId, price: task.price, created: true };
}

/** What the accept writes, decided here: ids, the first events, the runner's stamp. */
function acceptArgs(
  input: StartTaskInput,
  { sandbox, contextId, inline, now }: { sandbox: boolean; contextId: string; inline: boolean; now: Date },
): AcceptArgs {
  const at = now.toISOString();
  const push = input.pushConfig;
  return {
    taskId: uuidV7(),
    orgId: input.orgId,
    agent: "slug" in input.agent ? { slug: input.agent.slug } : { id: input.agent.id },
    sandbox,
    source: sandbox ? "SANDBOX" : input.source,
    contextId,
    messageId: input.message.messageId,
    input: input.message,
    createdById: "userId" in input.actor ? input.actor.userId : null,
    apiKeyId: input.actor.kind === "apiKey" ? input.actor.apiKeyId : null,
    runnerId: inline ? taskRunner.id : null,
    now,
    events: [
      { kind: "message", data: { turn: 1, message: input.message } },
      { kind: "status", data: { state: "SUBMITTED", timestamp: at } },
      ...(inline ? [{ kind: "status" as const, data: { state: "WORKING", timestamp: at } }] : []),
    ],
    push: push
      ? { id: uuidV7(), configId: push.configId || crypto.randomUUID(), url: push.url, token: push.token || null }
      : null,
    departmentId: input.departmentId ?? null,
    actor: eventActor(input.actor),
    tree: acceptTree(input),
  };
}

/** The task run as a position: its agent and department, and its instructions ahead of the message. */
async function asPosition(
  input: StartTaskInput,
  terms: PositionTerms,
): Promise<StartTaskInput & { ceiling: number | null }> {
  return {
    ...input,
    agent: { id: terms.agentId },
    departmentId: terms.departmentId,
    message: await withKnowledgeContext(
      input.orgId,
      terms.departmentId,
      withStandingInstructions(input.message, terms),
    ),
    ceiling: terms.ceilingCredits,
  };
}

function acceptTree(input: StartTaskInput & { ceiling?: number | null }): AcceptTree | null {
  const tree: AcceptTree = {};
  if (input.parent) {
    tree.parentTaskId = input.parent.taskId;
    tree.rootTaskId = input.parent.rootTaskId;
    tree.depth = input.parent.depth + 1;
    if (input.parent.treeCapCredits !== null) tree.treeCapCredits = input.parent.treeCapCredits;
  }
  if (input.positionId) tree.positionId = input.positionId;
  if (input.ceiling != null) tree.ceilingCredits = input.ceiling;
  return Object.keys(tree).length ? tree : null;
}

/** The org event log's name for who started a task (checked against the catalogue, as recordEvents does). */
export function eventActor(actor: TaskActor): EventActor {
  if (actor.kind === "apiKey") return ZEventActorSchema.parse({ kind: "apiKey", id: actor.apiKeyId });
  if (actor.kind === "workflow") return ZEventActorSchema.parse({ kind: "workflow", id: actor.runId });
  if (actor.kind === "delegation") return ZEventActorSchema.parse({ kind: "agent", id: actor.agentId });
  return ZEventActorSchema.parse({ kind: "user", id: actor.userId });
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
