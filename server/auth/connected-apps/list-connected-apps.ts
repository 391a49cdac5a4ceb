import "server-only";
import { db } from "../../db";
import { isMcpOAuthScope, type McpOAuthScope } from "../mcp-oauth-scopes";
import { isClientMetadataDocumentUrl } from "../mcp-client-metadata-documents";

export interface ConnectedApp {
  /** The consent's id: what disconnecting names. */
  id: string;
  clientName: string;
  /** The client's own site, as it registered it (self-asserted), or null. */
  clientUri: string | null;
  /** For a client identified by its metadata document's URL, that URL's host (verified by fetching it). */
  verifiedHost: string | null;
  org: { id: string; name: string };
  scopes: McpOAuthScope[];
  connectedAt: Date;
  /** When the client last got an access token (at connection or by refreshing), or null. */
  lastActiveAt: Date | null;
}

function verifiedHostOf(clientId: string): string | null {
  return isClientMetadataDocumentUrl(clientId) ? new URL(clientId).host : null;
}

/**
 * The OAuth clients a user has connected to Bureau, one row per org they
 * consented for, newest first. Only the user's own consents are read
 * (`userId` in the query); an org they have left still lists, so its
 * connection can be ended.
 */
export async function listConnectedApps(input: { userId: string }): Promise<ConnectedApp[]> {
  const consents = await db.oauthConsent.findMany({
    where: { userId: input.userId, referenceId: { not: null } },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      clientId: true,
      scopes: true,
      createdAt: true,
      client: { select: { name: true, uri: true } },
      org: { select: { id: true, name: true } },
    },
  });
  if (consents.length === 0) return [];
  const latest = await db.oauthAccessToken.groupBy({
    by: ["clientId", "referenceId"],
    where: { userId: input.userId, clientId: { in: [...new Set(consents.map((c) => c.clientId))] } },
    _max: { createdAt: true },
  });
  const lastActive = new Map(latest.map((row) => [`${row.clientId} ${row.referenceId}`, row._max.createdAt]));
  return consents.flatMap((consent) =>
    consent.org
      ? [
          {
            id: consent.id,
            clientName: consent.client.name?.trim() || "Unnamed app",
            clientUri: consent.client.uri ?? null,
            verifiedHost: verifiedHostOf(consent.clientId),
            org: consent.org,
            scopes: consent.scopes.filter(isMcpOAuthScope),
            connectedAt: consent.createdAt,
            lastActiveAt: lastActive.get(`${consent.clientId} ${consent.org.id}`) ?? null,
          },
        ]
      : [],
  );
}
