import { existsSync } from "node:fs";
import path from "node:path";
import { gatewayCardUrl, gatewayUrl } from "../../a2a/gateway/gateway-card";
import { appUrl } from "../../env";

/** Where programs call a listed agent through Bureau. */
export function gatewayUrls(slug: string) {
  return { jsonRpc: gatewayUrl(slug), card: gatewayCardUrl(slug), mcp: mcpAvailable() ? `${appUrl()}/api/mcp` : null };
}

let hasMcp: boolean | undefined;

/**
 * The MCP snippet is shown only once the MCP server exists in this build
 * (its route directory ships with the app), never as a placeholder. Checked
 * once per process, not once per listing.
 */
function mcpAvailable(): boolean {
  hasMcp ??= existsSync(path.join(process.cwd(), "app", "api", "mcp"));
  return hasMcp;
}
