import { serveDepartment } from "@/server/gateway/department-gateway";
import { handle } from "@/server/http/handle";

export const dynamic = "force-dynamic";

/** POST /api/a2a/departments/{slug}: the department as an A2A agent of its own org (v1.0 and 0.3 JSON-RPC). */
export const POST = handle(async (request: Request, { params }: { params: Promise<{ slug: string }> }) =>
  serveDepartment(request, (await params).slug),
);
