/**
 * Copy-ready ways to connect an MCP client to Bureau's /api/mcp, for the
 * connect page. One URL serves every org: the credential picks the org (an
 * API key is its org's; with OAuth the user chooses the org when consenting),
 * so the entries are named after the org to keep two orgs apart.
 */
export type McpAuth = "oauth" | "apiKey";

export interface McpClientConfig {
  id: "claude-desktop" | "claude-code" | "cursor" | "vscode" | "any";
  label: string;
  /** Where the snippet goes, or how it is used. */
  where: string;
  code: string;
  /** What to do besides pasting it. */
  note: string;
}

/** A config key that clients accept: the org's slug after "bureau-". */
export const serverName = (orgSlug: string) => `bureau-${orgSlug.replace(/[^a-z0-9-]/gi, "-").toLowerCase()}`;

const json = (value: unknown) => JSON.stringify(value, null, 2);

/** The TypeScript SDK over Streamable HTTP with an org API key; prints the tools (any Node 18+). */
export function sdkClientSnippet(url: string): string {
  return `// npm install @modelcontextprotocol/sdk   (save as list-tools.mjs, run with BUREAU_API_KEY set)
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";

const transport = new StreamableHTTPClientTransport(new URL(${JSON.stringify(url)}), {
  requestInit: { headers: { Authorization: \`Bearer \${process.env.BUREAU_API_KEY}\` } },
});
const client = new Client({ name: "my-app", version: "1.0.0" });
await client.connect(transport);
const { tools } = await client.listTools();
console.log(tools.map((tool) => \`\${tool.name}: \${tool.title}\`).join("\\n"));
await client.close();
`;
}

/** A raw initialize with curl: what any Streamable HTTP client sends first. */
export function curlInitializeSnippet(url: string): string {
  const body = JSON.stringify({
    jsonrpc: "2.0",
    id: 1,
    method: "initialize",
    params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "curl", version: "1.0.0" } },
  });
  return [
    `curl -sS -X POST ${url} \\`,
    `  -H "Authorization: Bearer $BUREAU_API_KEY" \\`,
    `  -H "Content-Type: application/json" \\`,
    `  -H "Accept: application/json, text/event-stream" \\`,
    `  -d '${body}'`,
  ].join("\n");
}

export function mcpClientConfigs({
  url,
  orgSlug,
  auth,
}: {
  url: string;
  orgSlug: string;
  auth: McpAuth;
}): McpClientConfig[] {
  const name = serverName(orgSlug);
  const oauth = auth === "oauth";
  return [
    {
      id: "claude-desktop",
      label: "Claude Desktop",
      where: oauth ? "Settings → Connectors → Add custom connector" : "claude_desktop_config.json",
      code: oauth
        ? `Name: ${name}\nRemote MCP server URL: ${url}`
        : json({
            mcpServers: {
              [name]: {
                command: "npx",
                args: ["-y", "mcp-remote", url, "--header", "Authorization:${BUREAU_AUTH}"],
                env: { BUREAU_AUTH: "Bearer <your org API key>" },
              },
            },
          }),
      note: oauth
        ? "Claude opens Bureau in your browser: sign in, choose the organization and what Claude may do."
        : "mcp-remote bridges Claude Desktop's local servers to Bureau's URL; restart Claude after saving.",
    },
    {
      id: "claude-code",
      label: "Claude Code",
      where: "A terminal",
      code: oauth
        ? `claude mcp add --transport http ${name} ${url}`
        : `claude mcp add --transport http ${name} ${url} \\\n  --header "Authorization: Bearer $BUREAU_API_KEY"`,
      note: oauth
        ? "Then run /mcp in Claude Code and choose Authenticate: Bureau asks you to sign in and consent."
        : "Set BUREAU_API_KEY in your shell first; the key's scopes decide which tools Claude Code gets.",
    },
    {
      id: "cursor",
      label: "Cursor",
      where: "~/.cursor/mcp.json (or .cursor/mcp.json in a project)",
      code: json({
        mcpServers: {
          [name]: oauth ? { url } : { url, headers: { Authorization: "Bearer ${env:BUREAU_API_KEY}" } },
        },
      }),
      note: oauth
        ? "Cursor shows a Needs login button for the server: it opens Bureau's consent screen."
        : "Cursor reads BUREAU_API_KEY from the environment it was started in.",
    },
    {
      id: "vscode",
      label: "VS Code",
      where: ".vscode/mcp.json (or MCP: Open User Configuration)",
      code: oauth
        ? json({ servers: { [name]: { type: "http", url } } })
        : json({
            inputs: [{ type: "promptString", id: "bureau-api-key", description: "Bureau API key", password: true }],
            servers: {
              [name]: { type: "http", url, headers: { Authorization: "Bearer ${input:bureau-api-key}" } },
            },
          }),
      note: oauth
        ? "Start the server from the file (or MCP: List Servers); VS Code asks you to allow signing in to Bureau."
        : "VS Code asks for the key once and keeps it in its secret storage.",
    },
    {
      id: "any",
      label: "Any client",
      where: oauth ? "Your client's MCP settings" : "Node 18+ (or curl)",
      code: oauth ? `Streamable HTTP URL: ${url}` : sdkClientSnippet(url),
      note: oauth
        ? "An OAuth-capable client finds everything from the 401 Bureau answers without a token: the " +
          "protected-resource metadata, the authorization server, dynamic registration and PKCE."
        : "Any Streamable HTTP client works the same way: send the key as a Bearer token on every request.",
    },
  ];
}
