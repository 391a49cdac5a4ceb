import "server-only";
import type { Tx } from "../../db";
import type { InputJsonValue } from "../../generated/prisma/internal/prismaNamespace";
import { computeAuditHash, CURRENT_AUDIT_HASH_SCHEME } from "./audit-hash";

export interface AuditInput {
  orgId: string | null;
  actorUserId: string | null;
  action: string;
  target?: string | null;
  data?: Record<string, unknown>;
}

/**
 * Appends to the org's (or the platform's) hash chain. An advisory lock per
 * chain serialises writers so two rows never claim the same predecessor.
 */
export async function recordAudit(tx: Tx, input: AuditInput): Promise<void> {
  const chain = input.orgId ?? "platform";
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`audit:${chain}`}))`;
  const previous = await tx.auditLog.findFirst({
    where: { orgId: input.orgId },
    orderBy: { id: "desc" },
    select: { hash: true },
  });
  // Hash exactly what the jsonb column will hand back: a JSON round trip drops
  // undefined members and turns Dates into strings, as Prisma's write does.
  const data = JSON.parse(JSON.stringify(input.data ?? {})) as Record<string, unknown>;
  const fields = {
    orgId: input.orgId,
    actorUserId: input.actorUserId,
    action: input.action,
    target: input.target ?? null,
    data,
  };
  const createdAt = new Date();
  const prevHash = previous?.hash ?? null;
  const scheme = CURRENT_AUDIT_HASH_SCHEME;
  await tx.auditLog.create({
    data: {
      ...fields,
      data: data as InputJsonValue,
      prevHash,
      hashScheme: scheme,
      hash: computeAuditHash({ scheme, prevHash, fields, createdAt }),
      createdAt,
    },
  });
}
