import { handle } from "@/server/http/handle";
import { metadataPreflightResponse, protectedResourceMetadataResponse } from "@/server/auth/mcp-oauth-metadata";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ resource?: string[] }> };

/** RFC 9728 metadata of the MCP server, bare and path-suffixed (/.well-known/oauth-protected-resource/api/mcp). */
export const GET = handle(async (_request: Request, { params }: Context) =>
  protectedResourceMetadataResponse((await params).resource),
);
export const OPTIONS = handle(() => metadataPreflightResponse());
