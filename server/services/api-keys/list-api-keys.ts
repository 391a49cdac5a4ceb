import "server-only";
import { z } from "zod";
import { API_KEY_PREFIX } from "../../auth/auth";
import { permissionsToScopes } from "../../auth/api-key-scopes";
import { db } from "../../db";

export type ApiKeyStatus = "active" | "revoked" | "expired";

const ZKeyMetadataSchema = z.object({ lastFour: z.string().regex(/^[A-Za-z0-9_-]{4}$/) });

/**
 * The last four characters create-api-key.ts kept in the metadata, or null
 * for keys made before it did (nothing else can know them: only a hash is
 * stored). Tolerates better-auth's older double-encoded metadata.
 */
export function lastFourOf(metadata: string | null): string | null {
  if (!metadata) return null;
  try {
    let value: unknown = JSON.parse(metadata);
    if (typeof value === "string") value = JSON.parse(value);
    const parsed = ZKeyMetadataSchema.safeParse(value);
    return parsed.success ? parsed.data.lastFour : null;
  } catch {
    return null;
  }
}

export async function listApiKeys({ orgId }: { orgId: string }) {
  const rows = await db.apikey.findMany({
    where: { referenceId: orgId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      start: true,
      prefix: true,
      metadata: true,
      enabled: true,
      expiresAt: true,
      lastRequest: true,
      createdAt: true,
      permissions: true,
    },
  });
  const now = Date.now();
  return rows.map((row) => ({
    id: row.id,
    name: row.name ?? "Untitled key",
    start: row.start ?? "",
    prefix: row.prefix ?? API_KEY_PREFIX,
    lastFour: lastFourOf(row.metadata),
    scopes: permissionsToScopes(row.permissions),
    createdAt: row.createdAt,
    lastUsedAt: row.lastRequest,
    expiresAt: row.expiresAt,
    status: (row.enabled === false
      ? "revoked"
      : row.expiresAt && row.expiresAt.getTime() <= now
        ? "expired"
        : "active") as ApiKeyStatus,
  }));
}
