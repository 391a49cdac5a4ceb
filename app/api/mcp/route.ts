import { handle } from "@/server/http/handle";
import { serveMcp } from "@/server/mcp/serve-mcp";

export const dynamic = "force-dynamic";

/**
 * Bureau's MCP server (Streamable HTTP): POST carries JSON-RPC messages,
 * GET opens the session's stream of server notifications (tools/list_changed),
 * DELETE ends a session. See server/mcp/serve-mcp.ts.
 */
export const POST = handle((request: Request) => serveMcp(request));
export const GET = handle((request: Request) => serveMcp(request));
export const DELETE = handle((request: Request) => serveMcp(request));
