import { Suspense } from "react";
import { StatementView } from "@/components/credits/statement-view";
import { Skeleton } from "@/components/ui/skeleton";

export const metadata = { title: "Statement" };

export default function StatementPage() {
  // The filters are read from the URL on the client (useSearchParams).
  return (
    <Suspense fallback={<Skeleton className="h-96 w-full" />}>
      <StatementView />
    </Suspense>
  );
}
