import "server-only";
import type { Tx } from "../../db";
import type { TaskSource } from "../../generated/prisma/enums";
import { ALERT_PERCENT, type BudgetAlert, type BudgetCrossing } from "../budgets/enforce-budgets";
import type { EventActor } from "../events/catalogue";
import { claimBudgetAlerts, type HoldRefusal } from "../ledger/place-hold";
import { NEEDS_PRISMA } from "../../group-commit";
import { queryRows } from "./sql-pool";
import type { NewTaskEvent } from "./task-events";

/** Everything startTask decided before the accept: the values bureau_accept_task writes. */
export interface AcceptArgs {
  taskId: string;
  orgId: string;
  agent: { slug: string } | { id: string };
  sandbox: boolean;
  source: TaskSource;
  contextId: string;
  messageId: string;
  /** The first message, stored as the task's input. */
  input: unknown;
  createdById: string | null;
  apiKeyId: string | null;
  /** The in-process runner that runs the task at once (accepted as WORKING), or null. */
  runnerId: string | null;
  now: Date;
  events: NewTaskEvent[];
  push: { id: string; configId: string; url: string; token: string | null } | null;
  departmentId: string | null;
  actor: EventActor;
  /** Its place in the task tree, its position, and the limits checked under the wallet's lock. */
  tree: AcceptTree | null;
}

/** bureau_accept_task's p_tree. */
export interface AcceptTree {
  parentTaskId?: string;
  rootTaskId?: string;
  depth?: number;
  positionId?: string;
  /** The root's delegated budget: every hold below the root, plus this one, must fit. */
  treeCapCredits?: number;
  /** The position's per-task ceiling. */
  ceilingCredits?: number;
}

/** The accepted task, with what its first turn needs. */
export interface Accepted {
  id: string;
  agentId: string;
  price: number;
  endpointUrl: string;
  card: unknown;
  holdId: string | null;
  lastEventId: string;
  lastOrgEventId: string;
  crossings: BudgetCrossing[];
}

/** What the accept ended in: accepted, or why not (nothing was written then). */
export type AcceptOutcome =
  | { accepted: Accepted }
  | { agentNotFound: true }
  | { duplicate: { id: string; contextId: string; price: number; agentId: string }; agent: string }
  | HoldRefusal;

type AcceptRow =
  | Exclude<AcceptOutcome, { accepted: Accepted }>
  | { needsTransaction: true }
  | (Omit<Accepted, "crossings" | "lastOrgEventId"> & { alerts: BudgetAlert[]; lastOrgEventId: string | null });

/** bureau_accept_task's arguments in its order; jsonb ones (8, 13, 23) as JSON values. */
function acceptArguments(a: AcceptArgs, alertsOk: boolean): unknown[] {
  return [
    a.taskId,
    a.orgId,
    "id" in a.agent ? a.agent.id : null,
    "slug" in a.agent ? a.agent.slug : null,
    a.sandbox,
    a.source,
    a.contextId,
    a.messageId,
    a.input,
    a.createdById,
    a.apiKeyId,
    a.runnerId,
    a.now.toISOString(),
    a.events,
    a.push?.id ?? null,
    a.push?.configId ?? null,
    a.push?.url ?? null,
    a.push?.token ?? null,
    a.departmentId,
    ALERT_PERCENT,
    a.actor.kind,
    a.actor.id,
    alertsOk,
    a.tree,
  ];
}

/** bureau_accept_task as a statement of its own, in Prisma's transaction. */
const ACCEPT_SQL = `SELECT bureau_accept_task($1, $2, $3, $4, $5::boolean, $6, $7, $8, $9::jsonb, $10, $11, $12, $13,
  $14::jsonb, $15, $16, $17, $18, $19, $20::int, $21, $22, $23::boolean, $24::jsonb) AS r`;
const JSONB_ARGS = new Set([8, 13, 23]);

/**
 * The accept inside Prisma's transaction: one statement, and, only when the
 * hold takes a monthly budget past its alert line, the alert's claim and
 * audit, then the task's org events (in that order: the budget row before
 * the org's event-writer lock, as every budget writer takes them).
 */
export async function acceptInTransaction(tx: Tx, a: AcceptArgs): Promise<AcceptOutcome> {
  const values = acceptArguments(a, true).map((v, i) => (JSONB_ARGS.has(i) && v !== null ? JSON.stringify(v) : v));
  const [row] = await queryRows<{ r: AcceptRow }>({ text: ACCEPT_SQL, values }, tx);
  const answer = row!.r;
  if ("needsTransaction" in answer) throw new Error("bureau_accept_task asked for a transaction inside one.");
  if (!("id" in answer)) return answer;
  const { alerts, lastOrgEventId, ...accepted } = answer;
  if (lastOrgEventId !== null) return { accepted: { ...accepted, lastOrgEventId, crossings: [] } };
  // The function left the org events to us, after the alerts' claim.
  const crossings = await claimBudgetAlerts(tx, alerts, a.now);
  const [events] = await tx.$queryRaw<{ last: bigint }[]>`
    SELECT bureau_task_accepted(${a.orgId}, ${accepted.id}, ${accepted.agentId}, ${a.source}, ${accepted.price}::int,
      ${accepted.holdId}, ${a.actor.kind}, ${a.actor.id}, ${a.tree?.parentTaskId ?? null}, ${a.departmentId}) AS last`;
  return { accepted: { ...accepted, lastOrgEventId: String(events!.last), crossings } };
}

/**
 * The accept as a call a group-commit batch carries in its one statement
 * (outside any transaction). A hold that would claim a budget alert needs
 * Prisma's transaction (acceptInTransaction): the function then wrote
 * nothing, and the unit runs again as that.
 */
export function acceptCall(a: AcceptArgs) {
  return {
    fn: "bureau_accept_task",
    args: acceptArguments(a, false),
    read: (answer: unknown): AcceptOutcome | typeof NEEDS_PRISMA => {
      const row = answer as AcceptRow;
      if ("needsTransaction" in row) return NEEDS_PRISMA;
      if (!("id" in row)) return row;
      const { alerts: _none, lastOrgEventId, ...accepted } = row;
      return { accepted: { ...accepted, lastOrgEventId: lastOrgEventId!, crossings: [] } };
    },
  };
}
