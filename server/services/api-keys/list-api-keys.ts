import { permissionsToScopes } from "../../auth/api-key-scopes";
import { db } from "../../db";

export type ApiKeyStatus = "active" | "revoked" | "expired";

export async function listApiKeys({ orgId }: { orgId: string }) {
  const rows = await db.apikey.findMany({
    where: { referenceId: orgId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      name: true,
      start: true,
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
