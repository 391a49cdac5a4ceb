import "server-only";
import { db } from "../../db";

/** Organizations whose name or slug contains the query, for the grant form. */
export async function searchOrgs({ query }: { query: string }) {
  const q = query.trim();
  const orgs = await db.organization.findMany({
    where: q
      ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { slug: { contains: q, mode: "insensitive" } }] }
      : {},
    orderBy: { name: "asc" },
    take: 10,
    select: {
      id: true,
      name: true,
      slug: true,
      ledgerAccounts: { where: { kind: "ORG_WALLET" }, select: { balance: true } },
    },
  });
  return orgs.map(({ ledgerAccounts, ...org }) => ({ ...org, balance: ledgerAccounts[0]?.balance ?? 0 }));
}
