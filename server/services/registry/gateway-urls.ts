import { existsSync } from "node:fs";
import path from "node:path";
import { appUrl } from "../../env";

/** Where programs call a listed agent through Bureau (the gateway routes are the lead's). */
export function gatewayUrls(slug: string) {
  const base = `${appUrl()}/api/a2a/agents/${encodeURIComponent(slug)}`;
  return { jsonRpc: base, card: `${base}/.well-known/agent-card.json`, mcp: mcpAvailable() ? `${appUrl()}/api/mcp` : null };
}

/**
 * The MCP snippet is shown only once the MCP server exists in this build
 * (its route directory ships with the app), never as a placeholder.
 */
function mcpAvailable(): boolean {
  return existsSync(path.join(process.cwd(), "app", "api", "mcp"));
}
