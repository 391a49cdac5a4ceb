"use client";

import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { ToolListChangedNotificationSchema, type Tool } from "@modelcontextprotocol/sdk/types.js";
import { useCallback, useEffect, useState } from "react";

/** What /api/mcp is asked with when the session (not a token) is the credential: the org the page is for. */
const ORG_HEADER = "x-bureau-org";

export type McpConnection =
  { status: "connecting" } | { status: "ready"; client: Client; tools: Tool[] } | { status: "error"; message: string };

/**
 * The SDK's own MCP client, in the browser, connected to Bureau's real
 * /api/mcp with the signed-in session: the playground sees exactly the tools
 * an MCP client of this member would (their role, the org's grants), and the
 * list refreshes when the server says it changed (a hire).
 */
export function useMcpClient(orgId: string) {
  const [connection, setConnection] = useState<McpConnection>({ status: "connecting" });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    const client = new Client({ name: "bureau-playground", version: "1.0.0" });
    const transport = new StreamableHTTPClientTransport(new URL("/api/mcp", window.location.origin), {
      requestInit: { headers: { [ORG_HEADER]: orgId } },
    });
    const refresh = async () => {
      const { tools } = await client.listTools();
      if (live) setConnection({ status: "ready", client, tools });
    };
    client.setNotificationHandler(ToolListChangedNotificationSchema, () => void refresh().catch(() => undefined));
    setConnection({ status: "connecting" });
    client
      .connect(transport)
      .then(refresh)
      .catch((error: unknown) => {
        if (live)
          setConnection({
            status: "error",
            message: error instanceof Error ? error.message : "Could not reach Bureau's MCP server.",
          });
      });
    return () => {
      live = false;
      void client.close();
    };
  }, [orgId, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { connection, retry };
}
