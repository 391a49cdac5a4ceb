import { handle } from "@/server/http/handle";
import { authorizationServerMetadataResponse, metadataPreflightResponse } from "@/server/auth/mcp-oauth-metadata";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ issuer?: string[] }> };

/** RFC 8414 metadata of Bureau's authorization server (issuer <APP_URL>/api/auth), bare and path-inserted. */
export const GET = handle(async (request: Request, { params }: Context) =>
  authorizationServerMetadataResponse(request, (await params).issuer),
);
export const OPTIONS = handle(() => metadataPreflightResponse());
