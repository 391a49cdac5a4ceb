/** The MCP server URL beside an agent's gateway URL (same Bureau deployment). */
export const mcpUrlFor = (gatewayUrl: string) => `${new URL(gatewayUrl).origin}/api/mcp`;

/**
 * An agent page's MCP tab: run this listing with the run_agent tool from
 * the TypeScript SDK over Streamable HTTP, printing progress and the answer.
 */
export function runAgentSnippet(mcpUrl: string, slug: string, example: string): string {
  return `// npm install @modelcontextprotocol/sdk   (save as run-agent.mjs, run with BUREAU_API_KEY set:
// a key with mcp:use and tasks:write; or connect your MCP client in Settings → MCP and ask it to use run_agent)
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { CallToolResultSchema } from "@modelcontextprotocol/sdk/types.js";

const transport = new StreamableHTTPClientTransport(new URL(${JSON.stringify(mcpUrl)}), {
  requestInit: { headers: { Authorization: \`Bearer \${process.env.BUREAU_API_KEY}\` } },
});
const client = new Client({ name: "my-app", version: "1.0.0" });
await client.connect(transport);
const result = await client.callTool(
  { name: "run_agent", arguments: { agent: ${JSON.stringify(slug)}, message: ${JSON.stringify(example)} } },
  CallToolResultSchema,
  { onprogress: (p) => console.error(p.message), resetTimeoutOnProgress: true },
);
console.log(JSON.stringify(result.structuredContent, null, 2));
await client.close();
`;
}
