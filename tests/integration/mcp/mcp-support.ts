import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { ApiKeyScope } from "@/server/auth/api-key-scopes";
import { createApiKey } from "@/server/services/api-keys/create-api-key";

/** /api/mcp among the app routes useTaskRuntime serves at APP_URL (the same function the Next.js route calls). */
export const mcpRoute = {
  pattern: /^\/api\/mcp$/,
  handle: async (request: Request) => (await import("@/server/mcp/serve-mcp")).serveMcp(request),
};

export const mcpUrl = () => new URL("/api/mcp", process.env.APP_URL!);

/** Every scope an MCP client of an org could use. */
export const ALL_MCP_SCOPES: ApiKeyScope[] = [
  "mcp:use",
  "agents:read",
  "tasks:read",
  "tasks:write",
  "company:read",
  "workflows:read",
  "workflows:run",
  "approvals:write",
];

export async function mcpKey(org: { id: string }, user: { id: string }, scopes: ApiKeyScope[] = ALL_MCP_SCOPES) {
  const { key, id } = await createApiKey({
    orgId: org.id,
    userId: user.id,
    name: "mcp test",
    scopes,
    expiresInDays: null,
  });
  return { key, id };
}

/** The SDK's own client over Streamable HTTP to /api/mcp, sending `headers` on every request. */
export async function connectMcp(headers: Record<string, string>) {
  const client = new Client({ name: "bureau-test-client", version: "1.0.0" });
  const transport = new StreamableHTTPClientTransport(mcpUrl(), { requestInit: { headers } });
  await client.connect(transport);
  return { client, transport, close: () => client.close() };
}

export const bearer = (key: string) => ({ authorization: `Bearer ${key}` });

/** A raw JSON-RPC POST to /api/mcp, for what the SDK client would not send. */
export function postMcp(body: unknown, headers: Record<string, string> = {}) {
  return fetch(mcpUrl(), {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
    body: JSON.stringify(body),
  });
}

export const initializeMessage = {
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-11-25", capabilities: {}, clientInfo: { name: "raw", version: "1" } },
};

/**
 * An OAuth access token for /api/mcp, written as Bureau's authorization
 * server writes one (hashed, audience-bound, the consent's org): stands in
 * for the OAuth flow, which the OAuth tests drive end to end.
 */
export async function mintAccessToken(input: { userId: string; orgId: string; scopes: string[] }) {
  const { db } = await import("@/server/db");
  const { hashOAuthToken, OAUTH_TOKEN_PREFIX } = await import("@/server/auth/oauth-tokens");
  const { mcpResourceUri } = await import("@/server/auth/mcp-oauth");
  const clientId = `test-client-${crypto.randomUUID()}`;
  await db.oauthClient.create({
    data: {
      id: crypto.randomUUID(),
      clientId,
      name: "Test MCP client",
      scopes: input.scopes,
      contacts: [],
      redirectUris: ["http://127.0.0.1:9/callback"],
      postLogoutRedirectUris: [],
      grantTypes: ["authorization_code"],
      responseTypes: ["code"],
      tokenEndpointAuthMethod: "none",
      createdAt: new Date(),
      updatedAt: new Date(),
    },
  });
  const value = crypto.randomUUID().replace(/-/g, "");
  await db.oauthAccessToken.create({
    data: {
      id: crypto.randomUUID(),
      token: hashOAuthToken(value),
      clientId,
      userId: input.userId,
      referenceId: input.orgId,
      resources: [mcpResourceUri()],
      requestedUserInfoClaims: [],
      scopes: input.scopes,
      expiresAt: new Date(Date.now() + 3_600_000),
      createdAt: new Date(),
    },
  });
  return { token: `${OAUTH_TOKEN_PREFIX.opaqueAccessToken}${value}`, clientId };
}

/** Every OAuth scope a client can ask for (each still narrowed to the member's role). */
export const ALL_OAUTH_SCOPES = ["mcp:use", "tasks:write", "workflows:run", "approvals:write"];
