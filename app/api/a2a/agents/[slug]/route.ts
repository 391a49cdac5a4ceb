import { serveGateway } from "@/server/gateway/serve-gateway";
import { handle } from "@/server/http/handle";

export const dynamic = "force-dynamic";

/** Bureau's A2A gateway: JSON-RPC (v1.0 and v0.3) to any published agent. */
export const POST = handle((request: Request, { params }: { params: Promise<{ slug: string }> }) =>
  params.then(({ slug }) => serveGateway(request, slug)),
);
