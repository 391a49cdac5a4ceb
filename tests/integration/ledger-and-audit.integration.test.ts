import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { auditHash } from "@/server/services/audit/record-audit";
import { orgAccount, platformAccount } from "@/server/services/ledger/accounts";
import { grantCredits } from "@/server/services/ledger/grant-credits";
import { getOrgBalance } from "@/server/services/ledger/get-balance";
import { postTransaction, UnbalancedTransactionError } from "@/server/services/ledger/post-transaction";
import { createOrg, createUser, unique } from "../support/factories";

async function freshOrg() {
  const user = await createUser();
  return createOrg(user.id);
}

describe("ledger", () => {
  it("grants once per key, even when replayed concurrently", async () => {
    const org = await freshOrg();
    const key = `grant:${unique()}`;
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        grantCredits({ orgId: org.id, amount: 300, key, reason: "replay", actorUserId: null }),
      ),
    );
    expect(results.filter((r) => r.granted)).toHaveLength(1);
    expect(await getOrgBalance({ orgId: org.id })).toEqual({ available: 300, held: 0 });
    expect(await db.ledgerTransaction.count({ where: { key } })).toBe(1);
  });

  it("keeps every transaction balanced and the cached balance equal to its entries", async () => {
    const org = await freshOrg();
    await grantCredits({ orgId: org.id, amount: 120, key: `a:${unique()}`, reason: "a", actorUserId: null });
    await grantCredits({ orgId: org.id, amount: 80, key: `b:${unique()}`, reason: "b", actorUserId: null });
    const wallet = await db.ledgerAccount.findFirstOrThrow({ where: { orgId: org.id, kind: "ORG_WALLET" } });
    const sum = await db.ledgerEntry.aggregate({ where: { accountId: wallet.id }, _sum: { amount: true } });
    expect(wallet.balance).toBe(200);
    expect(sum._sum.amount).toBe(200);
    const unbalanced = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM (SELECT "transactionId" FROM "LedgerEntry" GROUP BY 1 HAVING sum(amount) <> 0) t`;
    expect(Number(unbalanced[0]?.n)).toBe(0);
  });

  it("refuses an unbalanced transaction and writes nothing", async () => {
    const org = await freshOrg();
    const key = `bad:${unique()}`;
    await expect(
      db.$transaction(async (tx) => {
        const wallet = await orgAccount(tx, org.id, "ORG_WALLET");
        const grants = await platformAccount(tx, "PLATFORM_GRANTS");
        await postTransaction(tx, {
          key,
          kind: "grant",
          orgId: org.id,
          lines: [
            { accountId: wallet.id, amount: 10 },
            { accountId: grants.id, amount: -9 },
          ],
        });
      }),
    ).rejects.toBeInstanceOf(UnbalancedTransactionError);
    expect(await db.ledgerTransaction.count({ where: { key } })).toBe(0);
  });

  it("refuses non-positive or fractional grants", async () => {
    const org = await freshOrg();
    for (const amount of [0, -5, 1.5]) {
      await expect(
        grantCredits({ orgId: org.id, amount, key: `x:${unique()}`, reason: "x", actorUserId: null }),
      ).rejects.toThrow(RangeError);
    }
  });
});

describe("audit log", () => {
  it("chains each org's entries by hash", async () => {
    const org = await freshOrg();
    for (let i = 0; i < 3; i++)
      await grantCredits({ orgId: org.id, amount: 1 + i, key: `c:${unique()}`, reason: `r${i}`, actorUserId: null });
    const rows = await db.auditLog.findMany({ where: { orgId: org.id }, orderBy: { id: "asc" } });
    expect(rows).toHaveLength(3);
    let prev: string | null = null;
    for (const row of rows) {
      expect(row.prevHash).toBe(prev);
      const recomputed = auditHash(
        prev,
        {
          orgId: row.orgId,
          actorUserId: row.actorUserId,
          action: row.action,
          target: row.target,
          data: row.data as Record<string, unknown>,
        },
        row.createdAt,
      );
      expect(row.hash).toBe(recomputed);
      prev = row.hash;
    }
  });
});
