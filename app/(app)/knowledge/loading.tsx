import { PageSkeleton } from "@/components/ui/page-skeleton";

export default function KnowledgeLoading() {
  return <PageSkeleton label="Loading knowledge…" layout="table" />;
}
