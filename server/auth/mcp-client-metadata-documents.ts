import "server-only";
import {
  oauthClientMetadataSchema,
  type ClientDiscovery,
  type OAuthClient,
  type OAuthOptions,
  type Scope,
} from "@better-auth/oauth-provider";
import {
  isForbiddenCimdClientMetadataField,
  registerClientMetadataDocument,
} from "@better-auth/oauth-provider/internal";
import { env } from "../env";
import { logger } from "../logger";
import { createSafeFetch } from "../net/safe-fetch";

export const CLIENT_METADATA_DOCUMENT_DISCOVERY_ID = "cimd";

/** A document is fetched again when the stored copy is older than this. */
const REFRESH_AFTER_MS = 60 * 60 * 1000;
/** The draft's recommended cap on a metadata document. */
const MAX_DOCUMENT_BYTES = 5 * 1024;
const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

// No redirects: the document must live at the client_id URL itself.
const fetchDocument = createSafeFetch({ timeoutMs: 5_000, maxBodyBytes: MAX_DOCUMENT_BYTES, maxRedirects: 0 });

/**
 * A client_id that names a Client ID Metadata Document
 * (draft-ietf-oauth-client-id-metadata-document): an https URL with a path, no
 * fragment, credentials or dot segments. Outside production an http URL on
 * this machine is accepted too, so a local client (and the tests) can serve
 * one without a certificate.
 */
export function isClientMetadataDocumentUrl(clientId: string): boolean {
  let url: URL;
  try {
    url = new URL(clientId);
  } catch {
    return false;
  }
  const localHttp = env.NODE_ENV !== "production" && url.protocol === "http:" && LOOPBACK.has(url.hostname);
  if (url.protocol !== "https:" && !localHttp) return false;
  if (url.username || url.password || clientId.includes("#") || url.pathname === "/") return false;
  // The parser drops dot segments and normalises case and escapes: a client_id it changes is not canonical.
  return url.href === clientId;
}

type ProviderContext = Parameters<ClientDiscovery["resolve"]>[0];

function providerOptions(ctx: ProviderContext): OAuthOptions<Scope[]> {
  const plugin = ctx.context.getPlugin("oauth-provider") as { options?: OAuthOptions<Scope[]> } | null;
  if (!plugin?.options) throw new Error("The oauth-provider plugin is not installed.");
  return plugin.options;
}

/** The document at `clientId`, validated, or the reason it cannot be used. */
async function loadDocument(
  clientId: string,
): Promise<{ ok: true; metadata: OAuthClient } | { ok: false; reason: string }> {
  let body: unknown;
  try {
    const response = await fetchDocument(clientId, { headers: { accept: "application/json" } });
    if (response.status !== 200) return { ok: false, reason: `answered ${response.status}` };
    body = await response.json();
  } catch (error) {
    return { ok: false, reason: error instanceof Error ? error.message : "fetch failed" };
  }
  const parsed = oauthClientMetadataSchema.safeParse(body);
  if (!parsed.success) return { ok: false, reason: "not a valid client metadata document" };
  if (parsed.data.client_id !== clientId) return { ok: false, reason: "its client_id is not its own URL" };
  const forbidden = Object.keys(parsed.data).find(isForbiddenCimdClientMetadataField);
  if (forbidden) return { ok: false, reason: `it sets ${forbidden}, which only the server may set` };
  if (!parsed.data.redirect_uris?.length) return { ok: false, reason: "it has no redirect_uris" };
  return { ok: true, metadata: parsed.data as OAuthClient };
}

/**
 * Client ID Metadata Documents through the oauth-provider plugin's client
 * discovery extension point: an MCP client may use the URL of its metadata
 * document as its client_id instead of registering. The document is fetched
 * with the SSRF-safe fetcher (no redirects, 5 KiB, 5 s), checked (its
 * client_id is its URL, no server-owned fields, no shared secret), and stored
 * through the plugin's own registration path (linked to /api/mcp like any
 * registered client); the stored copy is refreshed after an hour. A document
 * that cannot be fetched or is invalid makes the client unknown.
 */
export function mcpClientMetadataDocuments(): ClientDiscovery {
  return {
    id: CLIENT_METADATA_DOCUMENT_DISCOVERY_ID,
    matches: isClientMetadataDocumentUrl,
    discoveryMetadata: { client_id_metadata_document_supported: true },
    fetchClientMetadataResource: (input, init) => createSafeFetch({ maxRedirects: 0 })(input, init),
    resolve: async (ctx, clientId, existing) => {
      const updatedAt = existing?.updatedAt ? new Date(existing.updatedAt).getTime() : 0;
      if (existing && Date.now() - updatedAt < REFRESH_AFTER_MS) return existing;
      const document = await loadDocument(clientId);
      if (!document.ok) {
        logger.info({ clientId, reason: document.reason }, "Client ID metadata document refused");
        return null;
      }
      const registration = await registerClientMetadataDocument(ctx, providerOptions(ctx), {
        metadata: document.metadata,
        clientId,
        clientDiscoveryId: CLIENT_METADATA_DOCUMENT_DISCOVERY_ID,
        existingClient: existing ?? undefined,
      });
      return registration.client;
    },
  };
}
