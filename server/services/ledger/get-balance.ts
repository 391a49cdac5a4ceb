import "server-only";
import { db } from "../../db";

export interface OrgBalance {
  /** Spendable credits (wallet). */
  available: number;
  /** Credits reserved by running tasks. */
  held: number;
}

export async function getOrgBalance({ orgId }: { orgId: string }): Promise<OrgBalance> {
  const accounts = await db.ledgerAccount.findMany({
    where: { orgId, kind: { in: ["ORG_WALLET", "ORG_HOLDS"] } },
    select: { kind: true, balance: true },
  });
  const of = (kind: string) => accounts.find((account) => account.kind === kind)?.balance ?? 0;
  return { available: of("ORG_WALLET"), held: of("ORG_HOLDS") };
}
