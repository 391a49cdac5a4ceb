import { departmentCardResponse } from "@/server/gateway/department-gateway";
import { handle } from "@/server/http/handle";

export const dynamic = "force-dynamic";

/** The company's card, for its own org's API keys only. */
export const GET = handle((request: Request) => departmentCardResponse(request, null));
