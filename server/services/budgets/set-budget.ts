import "server-only";
import { eventTransaction } from "../events/event-transaction";
import { recordAudit } from "../audit/record-audit";
import { recordEvent } from "../events/record-event";

export interface SetBudgetInput {
  orgId: string;
  userId: string;
  /** null: the organization-wide cap. */
  departmentId: string | null;
  /** null removes the cap. */
  monthlyCapCredits: number | null;
}

/** Sets, changes or removes a monthly cap; a changed cap may alert again this month. Audited. */
export async function setBudget(input: SetBudgetInput): Promise<{ changed: boolean }> {
  const cap = input.monthlyCapCredits;
  if (cap !== null && (!Number.isSafeInteger(cap) || cap <= 0 || cap > 2_000_000_000)) {
    throw new RangeError("A monthly cap must be a whole number of credits between 1 and 2,000,000,000.");
  }
  const scope = input.departmentId ?? "org";
  return eventTransaction(async (tx) => {
    const before = await tx.budget.findUnique({
      where: { orgId_scope: { orgId: input.orgId, scope } },
      select: { monthlyCapCredits: true },
    });
    if ((before?.monthlyCapCredits ?? null) === cap) return { changed: false };
    if (cap === null) {
      await tx.budget.deleteMany({ where: { orgId: input.orgId, scope } });
    } else {
      await tx.budget.upsert({
        where: { orgId_scope: { orgId: input.orgId, scope } },
        create: { orgId: input.orgId, scope, departmentId: input.departmentId, monthlyCapCredits: cap },
        update: { monthlyCapCredits: cap, alertedAt: null },
      });
    }
    await recordAudit(tx, {
      orgId: input.orgId,
      actorUserId: input.userId,
      action: cap === null ? "budget.removed" : "budget.set",
      target: scope,
      data: { departmentId: input.departmentId, from: before?.monthlyCapCredits ?? null, to: cap },
    });
    await recordEvent(tx, {
      orgId: input.orgId,
      type: "budget.set",
      subject: { type: "budget", id: scope },
      actor: { kind: "user", id: input.userId },
      data: { departmentId: input.departmentId, from: before?.monthlyCapCredits ?? null, to: cap },
    });
    return { changed: true };
  });
}
