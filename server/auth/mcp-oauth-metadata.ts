import "server-only";
import { oauthProviderAuthServerMetadata } from "@better-auth/oauth-provider";
import { auth } from "./auth";
import { authorizationServerIssuer, mcpResourceUri } from "./mcp-oauth";
import { MCP_OAUTH_SCOPES } from "./mcp-oauth-scopes";

/** Discovery documents are public: any origin may read them (browser-based MCP clients fetch them cross-origin). */
const PUBLIC_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, HEAD, OPTIONS",
  "cache-control": "public, max-age=300",
};

/** The paths (after the well-known name) each document is served at: the bare one and the path-suffixed one. */
const RESOURCE_PATHS = new Set(["", "/api/mcp"]);
const ISSUER_PATHS = new Set(["", "/api/auth"]);

/** RFC 9728 protected-resource metadata of the MCP server. */
export function protectedResourceMetadata() {
  return {
    resource: mcpResourceUri(),
    authorization_servers: [authorizationServerIssuer()],
    scopes_supported: [...MCP_OAUTH_SCOPES],
    bearer_methods_supported: ["header"],
    resource_name: "Bureau MCP server",
  };
}

function suffixOf(segments: string[] | undefined): string {
  return segments?.length ? `/${segments.join("/")}` : "";
}

function withPublicHeaders(response: Response): Response {
  for (const [name, value] of Object.entries(PUBLIC_HEADERS)) response.headers.set(name, value);
  return response;
}

/**
 * `/.well-known/oauth-protected-resource` and the path-suffixed
 * `/.well-known/oauth-protected-resource/api/mcp` (RFC 9728 §3.1): the same
 * document, as /api/mcp is the one protected resource. Any other suffix is 404.
 */
export function protectedResourceMetadataResponse(segments: string[] | undefined): Response {
  if (!RESOURCE_PATHS.has(suffixOf(segments))) return Response.json({ error: "not_found" }, { status: 404 });
  return withPublicHeaders(Response.json(protectedResourceMetadata()));
}

const serveAuthServerMetadata = oauthProviderAuthServerMetadata(auth);

/**
 * RFC 8414 authorization-server metadata, from the oauth-provider plugin. The
 * issuer is better-auth's base URL (<APP_URL>/api/auth), so the document's
 * own address is /.well-known/oauth-authorization-server/api/auth (path
 * insertion, §3.1); the bare /.well-known/oauth-authorization-server serves
 * it too for clients that only look at the root.
 */
export async function authorizationServerMetadataResponse(
  request: Request,
  segments: string[] | undefined,
): Promise<Response> {
  if (!ISSUER_PATHS.has(suffixOf(segments))) return Response.json({ error: "not_found" }, { status: 404 });
  return withPublicHeaders(await serveAuthServerMetadata(request));
}

export function metadataPreflightResponse(): Response {
  return new Response(null, { status: 204, headers: { ...PUBLIC_HEADERS, "access-control-max-age": "86400" } });
}
