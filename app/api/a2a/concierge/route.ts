import { serveConcierge } from "@/server/gateway/concierge";
import { handle } from "@/server/http/handle";

export const dynamic = "force-dynamic";

export const POST = handle((request: Request) => serveConcierge(request));
