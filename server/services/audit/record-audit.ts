import { createHash } from "node:crypto";
import type { Tx } from "../../db";
import type { InputJsonValue } from "../../generated/prisma/internal/prismaNamespace";

export interface AuditInput {
  orgId: string | null;
  actorUserId: string | null;
  action: string;
  target?: string | null;
  data?: Record<string, unknown>;
}

/** Stable JSON (sorted keys) so a hash can be recomputed later. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

export function auditHash(prevHash: string | null, entry: Required<AuditInput>, createdAt: Date): string {
  return createHash("sha256")
    .update(canonical({ prevHash, ...entry, createdAt: createdAt.toISOString() }))
    .digest("hex");
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
  const entry = {
    orgId: input.orgId,
    actorUserId: input.actorUserId,
    action: input.action,
    target: input.target ?? null,
    data: input.data ?? {},
  };
  const createdAt = new Date();
  const prevHash = previous?.hash ?? null;
  await tx.auditLog.create({
    data: {
      ...entry,
      data: entry.data as InputJsonValue,
      prevHash,
      hash: auditHash(prevHash, entry, createdAt),
      createdAt,
    },
  });
}
