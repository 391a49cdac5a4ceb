import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import type { Prisma } from "@/server/generated/prisma/client";
import { computeAuditHash } from "@/server/services/audit/audit-hash";
import { recordAudit } from "@/server/services/audit/record-audit";
import { verifyAuditChain } from "@/server/services/audit/verify-audit-chain";
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

/**
 * Rows as the code before RFC 8785 wrote them (scheme 1), for an org whose
 * history predates the migration; the chain then continues under scheme 2.
 */
async function writeLegacyRows(orgId: string, count: number): Promise<void> {
  let prevHash: string | null = null;
  for (let i = 0; i < count; i++) {
    const fields = {
      orgId,
      actorUserId: null,
      action: "credits.granted",
      target: `legacy-${i}`,
      data: { amount: 10 + i, reason: "before the migration", nested: { b: i, a: [i, { y: 1, x: 2 }] } },
    };
    const createdAt = new Date(Date.now() - (count - i) * 60_000);
    const hash = computeAuditHash({ scheme: 1, prevHash, fields, createdAt });
    await db.auditLog.create({ data: { ...fields, prevHash, hash, hashScheme: 1, createdAt } });
    prevHash = hash;
  }
}

const appendAudit = (orgId: string, action: string, data: Record<string, unknown>) =>
  db.$transaction((tx) => recordAudit(tx, { orgId, actorUserId: null, action, target: "t", data }));

/** A chain of 3 scheme-1 rows followed by 3 scheme-2 rows, with values RFC 8785 has opinions on. */
async function mixedChain() {
  const org = await freshOrg();
  await writeLegacyRows(org.id, 3);
  await appendAudit(org.id, "budget.set", { to: 1e21, zero: -0, line: "a\u2028b", é: 1, Z: 2, "1": [0.1, 2.5] });
  await grantCredits({ orgId: org.id, amount: 7, key: `m:${unique()}`, reason: "r", actorUserId: null });
  await appendAudit(org.id, "budget.removed", { nested: { b: { d: 1, c: [3, { f: 1, e: 2 }] }, a: null } });
  const rows = await db.auditLog.findMany({ where: { orgId: org.id }, orderBy: { id: "asc" } });
  return { org, rows };
}

describe("audit log", () => {
  it("chains each org's entries by hash under RFC 8785 (scheme 2)", async () => {
    const org = await freshOrg();
    for (let i = 0; i < 3; i++)
      await grantCredits({ orgId: org.id, amount: 1 + i, key: `c:${unique()}`, reason: `r${i}`, actorUserId: null });
    const rows = await db.auditLog.findMany({ where: { orgId: org.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.hashScheme)).toEqual([2, 2, 2]);
    expect(rows.map((r) => r.prevHash)).toEqual([null, rows[0]!.hash, rows[1]!.hash]);
    expect(await verifyAuditChain({ orgId: org.id })).toEqual({ ok: true, rows: 3, lastHash: rows[2]!.hash });
  });

  it("verifies a chain whose old-scheme rows are followed by new-scheme rows", async () => {
    const { org, rows } = await mixedChain();
    expect(rows.map((r) => r.hashScheme)).toEqual([1, 1, 1, 2, 2, 2]);
    expect(rows[3]!.prevHash).toBe(rows[2]!.hash);
    // What jsonb hands back for RFC 8785's edge values still hashes the same.
    expect(rows[3]!.data).toMatchObject({ to: 1e21, zero: 0, line: "a\u2028b" });
    expect(await verifyAuditChain({ orgId: org.id })).toEqual({ ok: true, rows: 6, lastHash: rows[5]!.hash });
  });

  it("detects an edit to any field of any row, old scheme or new", async () => {
    const { org, rows } = await mixedChain();
    const other = await freshOrg();
    const edits: { field: string; data: (row: (typeof rows)[number]) => Prisma.AuditLogUpdateInput }[] = [
      { field: "action", data: () => ({ action: "credits.revoked" }) },
      { field: "actorUserId", data: () => ({ actorUserId: "someone-else" }) },
      { field: "target", data: (row) => ({ target: `${row.target ?? ""}x` }) },
      { field: "createdAt", data: (row) => ({ createdAt: new Date(row.createdAt.getTime() + 1) }) },
      { field: "prevHash", data: () => ({ prevHash: "0".repeat(64) }) },
      { field: "hash", data: () => ({ hash: `f${"0".repeat(63)}` }) },
      { field: "hashScheme", data: (row) => ({ hashScheme: row.hashScheme === 1 ? 2 : 1 }) },
      { field: "data (top-level value)", data: () => ({ data: { amount: 1_000_000 } }) },
      {
        field: "data (nested value)",
        data: (row) => {
          const data = structuredClone(row.data) as Record<string, unknown>;
          data.nested = { ...(data.nested as object), injected: true };
          return { data: data as Prisma.InputJsonValue };
        },
      },
    ];
    for (const [index, row] of rows.entries()) {
      for (const edit of edits) {
        const original = {
          action: row.action,
          actorUserId: row.actorUserId,
          target: row.target,
          createdAt: row.createdAt,
          prevHash: row.prevHash,
          hash: row.hash,
          hashScheme: row.hashScheme,
          data: row.data as Prisma.InputJsonValue,
        };
        await db.auditLog.update({ where: { id: row.id }, data: edit.data(row) });
        const verdict = await verifyAuditChain({ orgId: org.id });
        expect(verdict, `${edit.field} of row ${index}`).toMatchObject({ ok: false, brokenAt: row.id.toString() });
        await db.auditLog.update({ where: { id: row.id }, data: original });
      }
      // A row moved to another org's chain breaks the chain it left (and the one it joined).
      if (index < rows.length - 1) {
        await db.auditLog.update({ where: { id: row.id }, data: { org: { connect: { id: other.id } } } });
        expect(await verifyAuditChain({ orgId: org.id })).toMatchObject({
          ok: false,
          brokenAt: rows[index + 1]!.id.toString(),
          reason: "prev_hash_mismatch",
        });
        expect((await verifyAuditChain({ orgId: other.id })).ok).toBe(false);
        await db.auditLog.update({ where: { id: row.id }, data: { org: { connect: { id: org.id } } } });
      }
      expect(await verifyAuditChain({ orgId: org.id }), `restored row ${index}`).toMatchObject({ ok: true, rows: 6 });
    }
  });

  it("accepts a rewrite that changes only key order or number spelling, not values", async () => {
    const { org, rows } = await mixedChain();
    const legacy = rows[0]!;
    const current = rows[5]!;
    const setData = (id: bigint, json: string) =>
      db.$executeRaw`UPDATE "AuditLog" SET data = ${json}::jsonb WHERE id = ${id}`;
    // Same values, spelled differently: keys reordered at every depth, 1.0 for 1, 3.0 for 3, 1e1 for 10.
    await setData(legacy.id, '{"reason":"before the migration","nested":{"a":[0,{"x":2,"y":1.0}],"b":0},"amount":1e1}');
    await setData(current.id, '{"nested":{"a":null,"b":{"c":[3.0,{"e":2,"f":1}],"d":1}}}');
    expect(await verifyAuditChain({ orgId: org.id })).toMatchObject({ ok: true, rows: 6 });

    await setData(current.id, '{"nested":{"a":null,"b":{"c":[3,{"e":2,"f":2}],"d":1}}}');
    expect(await verifyAuditChain({ orgId: org.id })).toMatchObject({
      ok: false,
      brokenAt: current.id.toString(),
      reason: "hash_mismatch",
    });
  });

  it("refuses to label a new row with the old scheme, even with a matching old-scheme hash", async () => {
    const { org, rows } = await mixedChain();
    const last = rows[5]!;
    const fields = {
      orgId: last.orgId,
      actorUserId: last.actorUserId,
      action: last.action,
      target: last.target,
      data: last.data,
    };
    const forged = computeAuditHash({ scheme: 1, prevHash: last.prevHash, fields, createdAt: last.createdAt });
    await db.auditLog.update({ where: { id: last.id }, data: { hashScheme: 1, hash: forged } });
    expect(await verifyAuditChain({ orgId: org.id })).toMatchObject({
      ok: false,
      brokenAt: last.id.toString(),
      reason: "scheme_downgrade",
    });
  });
});
