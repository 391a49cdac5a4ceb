import { db } from "@/server/db";
import { grantCredits } from "@/server/services/ledger/grant-credits";
import { sendBudgetAlerts } from "@/server/services/budgets/send-budget-alerts";
import { placeHold } from "@/server/services/ledger/place-hold";
import { createOrg, createUser, unique } from "./factories";

/** An org with `credits` granted, and its owner. */
export async function fundedOrg(credits: number, name = "Buyer Co") {
  const owner = await createUser("Buyer");
  const org = await createOrg(owner.id, name);
  if (credits > 0)
    await grantCredits({ orgId: org.id, amount: credits, key: `test:${unique()}`, reason: "test", actorUserId: null });
  return { owner, org };
}

/** A seller org with one listed agent (the fields an Agent row requires). */
export async function sellerAgent(pricePerTask = 10) {
  const owner = await createUser("Seller");
  const org = await createOrg(owner.id, "Seller Co");
  const agent = await db.agent.create({
    data: {
      orgId: org.id,
      slug: `agent-${unique()}`,
      name: "Test agent",
      description: "For billing tests",
      endpointUrl: "https://agent.example.test/a2a",
      pricePerTask,
      status: "PUBLISHED",
    },
  });
  return { owner, org, agent };
}

/**
 * What startTask does for money: insert the Task and place its hold in one
 * transaction, then send the budget alerts it claimed. Resolves to the task
 * id, or rejects with the refusal (and then no task exists).
 */
export async function startHeldTask(input: {
  orgId: string;
  agentId: string;
  amount: number;
  departmentId?: string | null;
}): Promise<string> {
  const { taskId, crossings } = await db.$transaction(
    async (tx) => {
      const task = await tx.task.create({
        data: {
          orgId: input.orgId,
          agentId: input.agentId,
          price: input.amount,
          input: { text: "test" },
          contextId: crypto.randomUUID(),
        },
        select: { id: true },
      });
      const { crossings } = await placeHold(tx, {
        orgId: input.orgId,
        taskId: task.id,
        amount: input.amount,
        departmentId: input.departmentId ?? null,
      });
      return { taskId: task.id, crossings };
      // Bursts of hundreds of holds queue for the 10 pooled connections and the
      // wallet lock; Prisma's 2 s default wait would fail some before they run.
    },
    { maxWait: 60_000, timeout: 60_000 },
  );
  // As startTask does: budget alerts leave only after the commit.
  await sendBudgetAlerts(crossings);
  return taskId;
}

/** Balances of an org's ledger accounts by kind (0 when the account does not exist yet). */
export async function balancesOf(orgId: string) {
  const accounts = await db.ledgerAccount.findMany({ where: { orgId }, select: { kind: true, balance: true } });
  const of = (kind: string) => accounts.find((a) => a.kind === kind)?.balance ?? 0;
  return {
    wallet: of("ORG_WALLET"),
    holds: of("ORG_HOLDS"),
    pending: of("SELLER_PENDING"),
    available: of("SELLER_AVAILABLE"),
  };
}
