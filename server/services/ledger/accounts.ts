import type { Tx } from "../../db";
import type { LedgerAccountKind } from "../../generated/prisma/enums";

export const ORG_ACCOUNT_KINDS = ["ORG_WALLET", "ORG_HOLDS", "SELLER_PENDING", "SELLER_AVAILABLE"] as const;
export const PLATFORM_ACCOUNT_KINDS = ["PLATFORM_REVENUE", "PLATFORM_GRANTS", "STRIPE_CLEARING"] as const;
export type OrgAccountKind = (typeof ORG_ACCOUNT_KINDS)[number];
export type PlatformAccountKind = (typeof PLATFORM_ACCOUNT_KINDS)[number];

/** The org's account of this kind, created on first use. */
export async function orgAccount(tx: Tx, orgId: string, kind: OrgAccountKind) {
  return tx.ledgerAccount.upsert({
    where: { kind_orgId: { kind, orgId } },
    create: { kind, orgId },
    update: {},
    select: { id: true, balance: true },
  });
}

/** Platform accounts have a fixed id because NULL org ids never collide in a unique index. */
export async function platformAccount(tx: Tx, kind: PlatformAccountKind) {
  const id = `platform:${kind}`;
  return tx.ledgerAccount.upsert({
    where: { id },
    create: { id, kind: kind as LedgerAccountKind, orgId: null },
    update: {},
    select: { id: true, balance: true },
  });
}
