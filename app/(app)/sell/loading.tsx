import { PageSkeleton } from "@/components/ui/page-skeleton";

export default function SellLoading() {
  return <PageSkeleton label="Loading your listings…" layout="stats" />;
}
