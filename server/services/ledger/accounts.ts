import "server-only";
import type { Tx } from "../../db";

export const ORG_ACCOUNT_KINDS = ["ORG_WALLET", "ORG_HOLDS", "SELLER_PENDING", "SELLER_AVAILABLE"] as const;
export const PLATFORM_ACCOUNT_KINDS = ["PLATFORM_REVENUE", "PLATFORM_GRANTS", "STRIPE_CLEARING"] as const;
export type OrgAccountKind = (typeof ORG_ACCOUNT_KINDS)[number];
export type PlatformAccountKind = (typeof PLATFORM_ACCOUNT_KINDS)[number];

// Accounts are created on first use with INSERT … ON CONFLICT DO NOTHING:
// Prisma's upsert is a read-then-write that two concurrent first uses can
// both lose with a unique violation.

/** The org's account of this kind, created on first use. */
export async function orgAccount(tx: Tx, orgId: string, kind: OrgAccountKind) {
  await tx.$executeRaw`
    INSERT INTO "LedgerAccount" (id, kind, "orgId")
    VALUES (${crypto.randomUUID()}, ${kind}::"LedgerAccountKind", ${orgId})
    ON CONFLICT (kind, "orgId") DO NOTHING`;
  return tx.ledgerAccount.findUniqueOrThrow({
    where: { kind_orgId: { kind, orgId } },
    select: { id: true, balance: true },
  });
}

/** Platform accounts have a fixed id because NULL org ids never collide in a unique index. */
export async function platformAccount(tx: Tx, kind: PlatformAccountKind) {
  const id = `platform:${kind}`;
  await tx.$executeRaw`
    INSERT INTO "LedgerAccount" (id, kind, "orgId")
    VALUES (${id}, ${kind}::"LedgerAccountKind", NULL)
    ON CONFLICT (id) DO NOTHING`;
  return tx.ledgerAccount.findUniqueOrThrow({ where: { id }, select: { id: true, balance: true } });
}
