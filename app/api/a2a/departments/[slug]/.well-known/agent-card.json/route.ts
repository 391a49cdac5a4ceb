import { departmentCardResponse } from "@/server/gateway/department-gateway";
import { handle } from "@/server/http/handle";

export const dynamic = "force-dynamic";

/** The department's card, for its own org's API keys only. */
export const GET = handle(async (request: Request, { params }: { params: Promise<{ slug: string }> }) =>
  departmentCardResponse(request, (await params).slug),
);
