import "server-only";

/**
 * The authorization server's endpoints an MCP client running in a browser
 * (a web IDE, the MCP Inspector) calls from its own origin. None of them
 * reads a cookie for what it grants: registration is open, and the token and
 * revocation endpoints authenticate the client (PKCE, its secret), so any
 * origin may call them, without credentials. The consent, sign-in and other
 * cookie endpoints get no CORS headers and stay same-origin.
 */
const CROSS_ORIGIN_PATHS = new Set(["/api/auth/oauth2/register", "/api/auth/oauth2/token", "/api/auth/oauth2/revoke"]);

const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "POST, OPTIONS",
  "access-control-allow-headers": "authorization, content-type, dpop, mcp-protocol-version",
  "access-control-max-age": "86400",
};

export function isCrossOriginOAuthPath(request: Request): boolean {
  return CROSS_ORIGIN_PATHS.has(new URL(request.url).pathname);
}

/** The response with CORS headers when it answers one of those endpoints. */
export function withOAuthCors(request: Request, response: Response): Response {
  if (!isCrossOriginOAuthPath(request)) return response;
  const headers = new Headers(response.headers);
  for (const [name, value] of Object.entries(CORS_HEADERS)) headers.set(name, value);
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** A preflight: allowed for those endpoints, refused (no CORS headers) for the rest of /api/auth. */
export function oauthPreflight(request: Request): Response {
  if (!isCrossOriginOAuthPath(request)) return new Response(null, { status: 204 });
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}
