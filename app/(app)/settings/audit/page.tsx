import { Suspense } from "react";
import { AuditLogView } from "@/components/audit/audit-log-view";
import { Skeleton } from "@/components/ui/skeleton";

export const metadata = { title: "Audit log" };

export default function AuditLogPage() {
  // The filters are read from the URL on the client (useSearchParams).
  return (
    <Suspense fallback={<Skeleton className="h-96 w-full" />}>
      <AuditLogView />
    </Suspense>
  );
}
