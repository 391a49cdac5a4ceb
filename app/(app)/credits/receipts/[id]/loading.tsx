import { Skeleton } from "@/components/ui/skeleton";

export default function ReceiptLoading() {
  return <Skeleton className="h-96 max-w-2xl" />;
}
