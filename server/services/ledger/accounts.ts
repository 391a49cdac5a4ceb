import "server-only";
import type { Tx } from "../../db";

export const ORG_ACCOUNT_KINDS = ["ORG_WALLET", "ORG_HOLDS", "SELLER_PENDING", "SELLER_AVAILABLE"] as const;
export const PLATFORM_ACCOUNT_KINDS = ["PLATFORM_REVENUE", "PLATFORM_GRANTS", "STRIPE_CLEARING"] as const;
export type OrgAccountKind = (typeof ORG_ACCOUNT_KINDS)[number];
export type PlatformAccountKind = (typeof PLATFORM_ACCOUNT_KINDS)[number];

// Accounts are created on first use with INSERT … ON CONFLICT DO NOTHING:
// Prisma's upsert is a read-then-write that two concurrent first uses can
// both lose with a unique violation.

/**
 * Ids of accounts known to exist. Accounts are never deleted, so an id seen
 * committed stays valid for the life of the process; the hot path (holds,
 * captures) then names its accounts without a query. Only accounts that
 * already existed are remembered: one created by the caller's transaction
 * could still roll back.
 */
const knownIds = ((globalThis as unknown as { bureauLedgerAccountIds?: Map<string, string> }).bureauLedgerAccountIds ??=
  new Map<string, string>());

/** The id of the org's account of this kind, created on first use. */
export async function orgAccountId(tx: Tx, orgId: string, kind: OrgAccountKind): Promise<string> {
  const cacheKey = `${kind}:${orgId}`;
  const known = knownIds.get(cacheKey);
  if (known) return known;
  const created = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "LedgerAccount" (id, kind, "orgId")
    VALUES (${crypto.randomUUID()}, ${kind}::"LedgerAccountKind", ${orgId})
    ON CONFLICT (kind, "orgId") DO NOTHING
    RETURNING id`;
  if (created[0]) return created[0].id;
  const { id } = await tx.ledgerAccount.findUniqueOrThrow({
    where: { kind_orgId: { kind, orgId } },
    select: { id: true },
  });
  knownIds.set(cacheKey, id);
  return id;
}

/** The org's account of this kind with its balance (unlocked), created on first use. */
export async function orgAccount(tx: Tx, orgId: string, kind: OrgAccountKind) {
  const id = await orgAccountId(tx, orgId, kind);
  return tx.ledgerAccount.findUniqueOrThrow({ where: { id }, select: { id: true, balance: true } });
}

/** Platform accounts have a fixed id because NULL org ids never collide in a unique index. */
export async function platformAccountId(tx: Tx, kind: PlatformAccountKind): Promise<string> {
  const id = `platform:${kind}`;
  if (knownIds.has(id)) return id;
  const created = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "LedgerAccount" (id, kind, "orgId")
    VALUES (${id}, ${kind}::"LedgerAccountKind", NULL)
    ON CONFLICT (id) DO NOTHING
    RETURNING id`;
  if (!created[0]) knownIds.set(id, id);
  return id;
}

export async function platformAccount(tx: Tx, kind: PlatformAccountKind) {
  const id = await platformAccountId(tx, kind);
  return tx.ledgerAccount.findUniqueOrThrow({ where: { id }, select: { id: true, balance: true } });
}
