import "server-only";
import { appUrl } from "../env";

const LOCAL_HOSTNAMES = ["localhost", "127.0.0.1", "[::1]"];

/**
 * DNS rebinding protection. A page on evil.example whose name an attacker
 * points at 127.0.0.1 reaches a local server with `Host: evil.example` (the
 * browser cannot change it), and a browser always names the page's origin
 * on a cross-site POST. So only these Host values are served: APP_URL's host
 * and the localhost names on APP_URL's port (a developer's
 * http://127.0.0.1:3000 for http://localhost:3000). Behind a proxy, the proxy
 * must pass the Host header on (X-Forwarded-Host is not believed: a page can
 * set it).
 */
export function mcpAllowedHosts(): string[] {
  const url = new URL(appUrl());
  const port = url.port ? `:${url.port}` : "";
  return [...new Set([url.host, ...LOCAL_HOSTNAMES.map((name) => `${name}${port}`)])];
}

/** Origins a browser page may call /api/mcp from: Bureau's own, and the localhost names on its port. */
export function mcpAllowedOrigins(): string[] {
  const url = new URL(appUrl());
  const port = url.port ? `:${url.port}` : "";
  const local = LOCAL_HOSTNAMES.flatMap((name) => [`http://${name}${port}`, `https://${name}${port}`]);
  return [...new Set([url.origin, ...local])];
}

/**
 * Why the request's Host or Origin is refused, or null. Checked before any
 * credential is read, so a rebinding page learns nothing (403 either way).
 * The same lists go to the SDK transport's own check.
 */
export function foreignOriginProblem(request: Request): string | null {
  const host = request.headers.get("host");
  if (!host || !mcpAllowedHosts().includes(host)) return `Invalid Host header: ${host ?? "(none)"}`;
  const origin = request.headers.get("origin");
  if (origin !== null && !mcpAllowedOrigins().includes(origin)) return `Invalid Origin header: ${origin}`;
  return null;
}
