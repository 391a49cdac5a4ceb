import "server-only";
import { db } from "../../db";

/** What a statement line belongs to, found from its ledger key. */
export type StatementReference =
  | { type: "task"; taskId: string; agentName: string | null; agentSlug: string | null }
  | { type: "purchase"; purchaseId: string; credits: number; amountCents: number; currency: string };

// The ledger keys (server/services/ledger/): "hold:<task>", "capture:<task>",
// "release:<task>", "purchase:<checkout session>", "refund:<purchase>:<total>".
const TASK_KEY = /^(?:hold|capture|release):(.+)$/;
const PURCHASE_KEY = /^purchase:(.+)$/;
const REFUND_KEY = /^refund:([^:]+):\d+$/;

/**
 * The task or purchase behind each ledger key, looked up in the org (a key
 * naming another org's record resolves to nothing). Keyed by ledger key.
 */
export async function statementReferences(orgId: string, keys: string[]): Promise<Map<string, StatementReference>> {
  const taskIds = new Set<string>();
  const sessionIds = new Set<string>();
  const purchaseIds = new Set<string>();
  for (const key of keys) {
    const task = TASK_KEY.exec(key)?.[1];
    const session = PURCHASE_KEY.exec(key)?.[1];
    const refund = REFUND_KEY.exec(key)?.[1];
    if (task) taskIds.add(task);
    if (session) sessionIds.add(session);
    if (refund) purchaseIds.add(refund);
  }
  const [tasks, purchases] = await Promise.all([
    taskIds.size
      ? db.task.findMany({
          where: { orgId, id: { in: [...taskIds] } },
          select: { id: true, agent: { select: { name: true, slug: true } } },
        })
      : [],
    sessionIds.size || purchaseIds.size
      ? db.purchase.findMany({
          where: {
            orgId,
            OR: [{ stripeCheckoutSessionId: { in: [...sessionIds] } }, { id: { in: [...purchaseIds] } }],
          },
          select: {
            id: true,
            stripeCheckoutSessionId: true,
            credits: true,
            amountCents: true,
            currency: true,
          },
        })
      : [],
  ]);
  const taskById = new Map(tasks.map((t) => [t.id, t]));
  const purchaseBySession = new Map(purchases.map((p) => [p.stripeCheckoutSessionId, p]));
  const purchaseById = new Map(purchases.map((p) => [p.id, p]));

  const references = new Map<string, StatementReference>();
  for (const key of keys) {
    const taskId = TASK_KEY.exec(key)?.[1];
    const task = taskId ? taskById.get(taskId) : undefined;
    if (task) {
      references.set(key, {
        type: "task",
        taskId: task.id,
        agentName: task.agent.name,
        agentSlug: task.agent.slug,
      });
      continue;
    }
    const sessionId = PURCHASE_KEY.exec(key)?.[1];
    const refundOf = REFUND_KEY.exec(key)?.[1];
    const purchase = sessionId ? purchaseBySession.get(sessionId) : refundOf ? purchaseById.get(refundOf) : undefined;
    if (purchase) {
      references.set(key, {
        type: "purchase",
        purchaseId: purchase.id,
        credits: purchase.credits,
        amountCents: purchase.amountCents,
        currency: purchase.currency,
      });
    }
  }
  return references;
}
