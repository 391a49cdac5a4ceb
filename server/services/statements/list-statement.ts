import "server-only";
import { db } from "../../db";
import { DomainError } from "../../errors";
import { Prisma } from "../../generated/prisma/client";
import { zSerialId } from "../../schemas/primitives";
import { LEDGER_KIND_OF, statementKindOf, type StatementKind } from "../../schemas/statement-kinds";
import { statementReferences, type StatementReference } from "./statement-references";

export interface StatementFilter {
  kinds?: StatementKind[] | null;
  /** Lines at or after this instant. */
  from?: Date | null;
  /** Lines strictly before this instant. */
  to?: Date | null;
}

export interface StatementLine {
  /** The ledger transaction. */
  id: string;
  /** Null for a ledger kind the statement has no word for (never posted today). */
  kind: StatementKind | null;
  createdAt: Date;
  /** Change of the spendable balance (wallet). */
  available: number;
  /** Change of the credits reserved by running tasks. */
  held: number;
  /** Balances right after this line, whatever the filters hide. */
  availableAfter: number;
  heldAfter: number;
  memo: string | null;
  reference: StatementReference | null;
}

export interface StatementPage {
  items: StatementLine[];
  /** Opens the next (older) page; null on the last one. */
  nextCursor: string | null;
}

interface Row {
  id: string;
  key: string;
  kind: string;
  memo: string | null;
  createdAt: Date;
  seq: bigint;
  wallet: bigint;
  held: bigint;
  wallet_after: bigint;
  held_after: bigint;
}

/**
 * The org's money, newest first: one line per ledger transaction that moved
 * its wallet or its holds (grants, purchases, holds, charges, releases,
 * refunds), with both balances after it.
 *
 * Lines are ordered by their first entry's id (a sequence, so new lines only
 * ever come after the ones a reader has seen: cursor pages stay stable while
 * money moves). The running balances are a window over every line of the
 * org in the same statement, so they are consistent with each other and
 * with filters: a filtered page still shows the true balance after each
 * line. That window reads all of the org's wallet and hold entries on each
 * page, which is fine at today's volumes; past a few hundred thousand
 * entries a balance-after column written by postTransaction would make it a
 * page-sized read (a schema change).
 */
export async function listStatement(input: {
  orgId: string;
  filter?: StatementFilter;
  cursor?: string | null;
  limit: number;
}): Promise<StatementPage> {
  const filter = input.filter ?? {};
  const where: Prisma.Sql[] = [];
  if (filter.kinds?.length) {
    where.push(Prisma.sql`kind IN (${Prisma.join(filter.kinds.map((kind) => LEDGER_KIND_OF[kind]))})`);
  }
  if (filter.from) where.push(Prisma.sql`"createdAt" >= ${filter.from}`);
  if (filter.to) where.push(Prisma.sql`"createdAt" < ${filter.to}`);
  if (input.cursor) {
    if (!zSerialId.safeParse(input.cursor).success)
      throw new DomainError("invalid_input", "That page link is not valid any more. Start again from the first page.");
    where.push(Prisma.sql`seq < ${BigInt(input.cursor)}`);
  }
  const rows = await db.$queryRaw<Row[]>`
    WITH accounts AS (
      SELECT id, kind FROM "LedgerAccount"
      WHERE "orgId" = ${input.orgId} AND kind IN ('ORG_WALLET', 'ORG_HOLDS')
    ), lines AS (
      SELECT t.id, t.key, t.kind, t.memo, t."createdAt", min(e.id) AS seq,
        sum(CASE WHEN a.kind = 'ORG_WALLET' THEN e.amount ELSE 0 END) AS wallet,
        sum(CASE WHEN a.kind = 'ORG_HOLDS' THEN e.amount ELSE 0 END) AS held
      FROM "LedgerEntry" e
      JOIN accounts a ON a.id = e."accountId"
      JOIN "LedgerTransaction" t ON t.id = e."transactionId"
      GROUP BY t.id
    ), running AS (
      SELECT *, sum(wallet) OVER w AS wallet_after, sum(held) OVER w AS held_after
      FROM lines WINDOW w AS (ORDER BY seq)
    )
    SELECT * FROM running
    ${where.length ? Prisma.sql`WHERE ${Prisma.join(where, " AND ")}` : Prisma.empty}
    ORDER BY seq DESC
    LIMIT ${input.limit + 1}`;

  const page = rows.slice(0, input.limit);
  const references = await statementReferences(
    input.orgId,
    page.map((row) => row.key),
  );
  return {
    items: page.map((row) => ({
      id: row.id,
      kind: statementKindOf(row.kind),
      createdAt: row.createdAt,
      available: Number(row.wallet),
      held: Number(row.held),
      availableAfter: Number(row.wallet_after),
      heldAfter: Number(row.held_after),
      memo: row.memo,
      reference: references.get(row.key) ?? null,
    })),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.seq.toString() ?? null) : null,
  };
}

/** Every line matching the filter, a page at a time (for exports). */
export async function* statementLines(input: {
  orgId: string;
  filter?: StatementFilter;
  pageSize?: number;
}): AsyncGenerator<StatementLine[]> {
  let cursor: string | null = null;
  do {
    const page: StatementPage = await listStatement({ ...input, cursor, limit: input.pageSize ?? 1_000 });
    if (page.items.length) yield page.items;
    cursor = page.nextCursor;
  } while (cursor);
}
