import { appUrl } from "@/server/env";
import { demoAgentCardResponse, handleDemoAgentRequest } from "@/server/demo-agents/handler";
import { handle } from "@/server/http/handle";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ slug: string }> };

/** A2A JSON-RPC endpoint of one Northwind demo agent (v1.0 and v0.3 methods; SSE for streams). */
export const POST = handle(async (request: Request, { params }: RouteContext) =>
  handleDemoAgentRequest((await params).slug, request),
);

/** The same agent card as the well-known URL, for people who open the endpoint in a browser. */
export const GET = handle(async (_request: Request, { params }: RouteContext) =>
  demoAgentCardResponse((await params).slug, appUrl()),
);
