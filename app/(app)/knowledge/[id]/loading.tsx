import { PageSkeleton } from "@/components/ui/page-skeleton";

export default function KnowledgeEntityLoading() {
  return <PageSkeleton label="Loading the entity…" layout="cards" />;
}
