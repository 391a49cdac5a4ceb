import { appUrl } from "@/server/env";
import { demoAgentCardResponse } from "@/server/demo-agents/handler";
import { handle } from "@/server/http/handle";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

type RouteContext = { params: Promise<{ slug: string }> };

/** The agent's A2A card (v1.0 with v0.3 fields), where A2A clients look for it. */
export const GET = handle(async (_request: Request, { params }: RouteContext) =>
  demoAgentCardResponse((await params).slug, appUrl()),
);
