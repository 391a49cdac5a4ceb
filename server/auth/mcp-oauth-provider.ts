import "server-only";
import { oauthProvider } from "@better-auth/oauth-provider";
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { db } from "../db";
import { logger } from "../logger";
import { recordAudit } from "../services/audit/record-audit";
import { eventTransaction } from "../services/events/event-transaction";
import { mcpClientMetadataDocuments } from "./mcp-client-metadata-documents";
import { mcpResourceUri } from "./mcp-oauth";
import { MCP_OAUTH_SCOPES } from "./mcp-oauth-scopes";
import { hashOAuthToken, OAUTH_TOKEN_PREFIX } from "./oauth-tokens";

/** The page that signs the user in (through /sign-in), lets them pick the org and scopes, and consents. */
export const OAUTH_CONSENT_PATH = "/oauth/consent";

const HOUR = 60 * 60;

/** The session's active org when the user is still a member of it. */
async function activeMembership(userId: string, activeOrganizationId: unknown): Promise<string | null> {
  if (typeof activeOrganizationId !== "string" || !activeOrganizationId) return null;
  const member = await db.member.findUnique({
    where: { organizationId_userId: { organizationId: activeOrganizationId, userId } },
    select: { organizationId: true },
  });
  return member?.organizationId ?? null;
}

/**
 * Bureau as the OAuth 2.1 authorization server of its MCP door
 * (better-auth's oauth-provider plugin; the flows are in docs of
 * server/auth/mcp-oauth.ts and the consent page):
 * - authorization code with PKCE (S256, required for every client) and
 *   refresh tokens (`offline_access`), no client_credentials: every token
 *   acts for a user in one org;
 * - dynamic client registration (RFC 7591), open as MCP clients expect, and
 *   client ID metadata documents (an HTTPS URL as client_id);
 * - one protected resource, /api/mcp (RFC 8707): registered clients are linked
 *   to it and a `resource` naming anything else is refused;
 * - opaque access tokens (no JWT plugin), stored as SHA-256, so revoking one
 *   takes effect on the next request;
 * - the org: the consent screen makes the chosen org the session's active org
 *   before consenting, and `consentReferenceId` stores it with the consent,
 *   the code and every token (verifyMcpAccessToken returns it).
 */
export function mcpOAuthProvider() {
  const resource = mcpResourceUri();
  return withTolerantInit(
    oauthProvider({
      loginPage: OAUTH_CONSENT_PATH,
      consentPage: OAUTH_CONSENT_PATH,
      scopes: [...MCP_OAUTH_SCOPES],
      grantTypes: ["authorization_code", "refresh_token"],
      resources: [{ identifier: resource, name: "Bureau MCP server", allowedScopes: [...MCP_OAUTH_SCOPES] }],
      // The config is the resource's source of truth: a scope added here reaches an existing row at start.
      resourceSeedMode: "merge",
      clientRegistrationDefaultResources: [resource],
      allowDynamicClientRegistration: true,
      allowUnauthenticatedClientRegistration: true,
      extensions: [{ clientDiscovery: mcpClientMetadataDocuments() }],
      disableJwtPlugin: true,
      storeTokens: { hash: (token) => hashOAuthToken(token) },
      prefix: OAUTH_TOKEN_PREFIX,
      accessTokenExpiresIn: HOUR,
      refreshTokenExpiresIn: 30 * 24 * HOUR,
      codeExpiresIn: 10 * 60,
      // Signed-in users may register a client like anyone; managing clients is
      // not offered (connections are ended from Settings → Connected apps).
      clientPrivileges: ({ action }) => action === "create",
      postLogin: {
        page: OAUTH_CONSENT_PATH,
        // Without a current org there is nothing to consent for: the consent page asks for one.
        shouldRedirect: async ({ user, session }) => !(await activeMembership(user.id, session.activeOrganizationId)),
        consentReferenceId: async ({ user, session }) => {
          const orgId = await activeMembership(user.id, session.activeOrganizationId);
          if (!orgId) {
            throw new APIError("FORBIDDEN", {
              error: "access_denied",
              error_description: "Choose one of your organizations to connect.",
            });
          }
          return orgId;
        },
      },
    }),
  );
}

/**
 * The plugin seeds its resource row when auth starts. A database that cannot
 * be reached then (a process starting while Postgres restarts, a unit test
 * with no database) must not surface as an unhandled rejection: the plugin
 * seeds again, lazily, on the first resource lookup, so the start is logged
 * and goes on.
 */
function withTolerantInit<P extends { init?: (ctx: never) => unknown }>(plugin: P): P {
  const init = plugin.init;
  if (!init) return plugin;
  return {
    ...plugin,
    init: async (ctx: never) => {
      try {
        return await init(ctx);
      } catch (error) {
        logger.warn({ err: error }, "OAuth provider start could not seed its resource; it seeds on first use");
        return undefined;
      }
    },
  };
}

function isHttpLoopback(uri: unknown): boolean {
  if (typeof uri !== "string" || !URL.canParse(uri)) return false;
  const url = new URL(uri);
  return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

/**
 * MCP clients on a desktop (Claude Code, VS Code, the SDK's CLI examples)
 * register loopback redirect URIs (RFC 8252 §7.3) and rarely send
 * `application_type`, which then defaults to "web", whose redirect URIs the
 * plugin requires to be https on a public host. A registration that names an
 * http loopback redirect URI and no application type is a native app's, so
 * it is registered as one (the plugin then checks each URI by native rules).
 */
const nativeLoopbackRegistration = {
  matcher: (ctx: { path?: string }) => ctx.path === "/oauth2/register",
  handler: createAuthMiddleware(async (ctx) => {
    const body = ctx.body as Record<string, unknown> | undefined;
    if (!body || body.application_type !== undefined || !Array.isArray(body.redirect_uris)) return;
    if (!body.redirect_uris.some(isHttpLoopback)) return;
    return { context: { body: { ...body, application_type: "native" } } };
  }),
};

/** An accepted consent that produced a code goes into the chosen org's audit log. */
const auditConnection = {
  matcher: (ctx: { path?: string }) => ctx.path === "/oauth2/consent",
  handler: createAuthMiddleware(async (ctx) => {
    const returned = ctx.context.returned as { url?: unknown } | undefined;
    const session = ctx.context.session;
    const body = ctx.body as { accept?: unknown; oauth_query?: unknown } | undefined;
    if (body?.accept !== true || typeof returned?.url !== "string" || !returned.url.includes("code=") || !session)
      return;
    const clientId = new URLSearchParams(String(body.oauth_query ?? "")).get("client_id");
    if (!clientId) return;
    try {
      await recordConnection({ clientId, userId: session.user.id, orgId: session.session.activeOrganizationId });
    } catch (error) {
      logger.error({ err: error, clientId }, "Could not audit an OAuth connection");
    }
  }),
};

async function recordConnection(input: { clientId: string; userId: string; orgId: unknown }) {
  if (typeof input.orgId !== "string") return;
  const orgId = input.orgId;
  await eventTransaction(async (tx) => {
    const consent = await tx.oauthConsent.findFirst({
      where: { clientId: input.clientId, userId: input.userId, referenceId: orgId },
      select: { scopes: true, client: { select: { name: true } } },
    });
    if (!consent) return;
    await recordAudit(tx, {
      orgId,
      actorUserId: input.userId,
      action: "oauth_app.connected",
      target: input.clientId,
      data: { clientName: consent.client.name ?? null, scopes: consent.scopes },
    });
  });
}

/** Bureau's additions around the oauth-provider plugin's endpoints. */
export function mcpOAuthHooks(): BetterAuthPlugin {
  return {
    id: "bureau-mcp-oauth-hooks",
    hooks: { before: [nativeLoopbackRegistration], after: [auditConnection] },
  };
}
