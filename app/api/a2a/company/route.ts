import { serveDepartment } from "@/server/gateway/department-gateway";
import { handle } from "@/server/http/handle";

export const dynamic = "force-dynamic";

/** POST /api/a2a/company: the caller's whole company as one A2A agent; its manager routes to departments. */
export const POST = handle((request: Request) => serveDepartment(request, null));
