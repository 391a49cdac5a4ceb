import { toNextJsHandler } from "better-auth/next-js";
import { auth } from "@/server/auth/auth";
import { oauthPreflight, withOAuthCors } from "@/server/auth/oauth-cors";
import { handle } from "@/server/http/handle";

const handlers = toNextJsHandler(auth);

export const GET = handle((request: Request) => handlers.GET(request));
export const POST = handle(async (request: Request) => withOAuthCors(request, await handlers.POST(request)));
// Browser-based MCP clients register and fetch tokens from their own origin (server/auth/oauth-cors.ts).
export const OPTIONS = handle((request: Request) => oauthPreflight(request));
