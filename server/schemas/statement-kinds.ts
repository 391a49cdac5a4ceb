/**
 * What a statement line can be, in the words the buyer reads, and the
 * ledger transaction kind behind each (server/services/ledger/). Only the
 * org's wallet and holds accounts appear on the statement; seller earnings
 * and payouts have their own page.
 */
export const STATEMENT_KINDS = ["grant", "purchase", "hold", "charge", "release", "refund"] as const;
export type StatementKind = (typeof STATEMENT_KINDS)[number];

export const LEDGER_KIND_OF: Record<StatementKind, string> = {
  grant: "grant",
  purchase: "purchase",
  hold: "hold",
  charge: "capture",
  release: "release",
  refund: "refund",
};

const STATEMENT_KIND_OF = new Map(Object.entries(LEDGER_KIND_OF).map(([mine, ledger]) => [ledger, mine]));

export function statementKindOf(ledgerKind: string): StatementKind | null {
  return (STATEMENT_KIND_OF.get(ledgerKind) as StatementKind | undefined) ?? null;
}
