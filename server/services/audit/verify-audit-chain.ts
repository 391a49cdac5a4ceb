import "server-only";
import { db } from "../../db";
import type { AuditLog } from "../../generated/prisma/client";
import { computeAuditHash, isAuditHashScheme } from "./audit-hash";

export type AuditChainBreak =
  /** The row does not name the hash of the row before it (a row removed, inserted or reordered). */
  | "prev_hash_mismatch"
  /** The row's fields no longer produce its hash (a field edited). */
  | "hash_mismatch"
  | "unknown_scheme"
  /** An older scheme after a newer one: new rows are never written the old way. */
  | "scheme_downgrade";

export type AuditChainVerdict =
  | { ok: true; rows: number; lastHash: string | null }
  | { ok: false; rows: number; brokenAt: string; reason: AuditChainBreak };

const BATCH = 500;

/**
 * Re-walks one chain (an org's, or the platform's with orgId null) from its
 * first row and recomputes every hash with the scheme the row was written
 * with, so rows hashed before RFC 8785 and after it verify in one pass.
 * `rows` counts the rows that verified before any break.
 */
export async function verifyAuditChain({ orgId }: { orgId: string | null }): Promise<AuditChainVerdict> {
  let prevHash: string | null = null;
  let highestScheme = 0;
  let rows = 0;
  let after: bigint | null = null;
  for (;;) {
    const batch: AuditLog[] = await db.auditLog.findMany({
      where: { orgId, ...(after === null ? {} : { id: { gt: after } }) },
      orderBy: { id: "asc" },
      take: BATCH,
    });
    for (const row of batch) {
      const broken = (reason: AuditChainBreak): AuditChainVerdict => ({
        ok: false,
        rows,
        brokenAt: row.id.toString(),
        reason,
      });
      if (row.prevHash !== prevHash) return broken("prev_hash_mismatch");
      if (!isAuditHashScheme(row.hashScheme)) return broken("unknown_scheme");
      if (row.hashScheme < highestScheme) return broken("scheme_downgrade");
      const expected = computeAuditHash({
        scheme: row.hashScheme,
        prevHash: row.prevHash,
        fields: {
          orgId: row.orgId,
          actorUserId: row.actorUserId,
          action: row.action,
          target: row.target,
          data: row.data,
        },
        createdAt: row.createdAt,
      });
      if (expected !== row.hash) return broken("hash_mismatch");
      highestScheme = row.hashScheme;
      prevHash = row.hash;
      rows += 1;
    }
    if (batch.length < BATCH) return { ok: true, rows, lastHash: prevHash };
    after = batch.at(-1)!.id;
  }
}
